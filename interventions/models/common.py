"""What every intervention record shares: the outcome it closes with, and the record of who did what."""

from django.conf import settings
from django.db import models

from schools.models import SchoolScopedQuerySet


def scoped_to(school_field):
    """A manager whose `visible_to(user)` follows `school_field` to the school the row belongs to."""
    queryset = type(f"ScopedTo_{school_field}", (SchoolScopedQuerySet,), {"school_field": school_field})
    return queryset.as_manager()


class Dimension(models.TextChoices):
    """The two dimensions interventions follow. Values match `categorisation.models.Dimension`."""

    EDUCATION = "education", "Education"
    FINANCE = "finance", "Finance"


class Outcome(models.TextChoices):
    """Where the school went when the record closed; values match the ladder's level codes."""

    UNIVERSAL = "universal", "Back to Universal"
    CONCERNING = "concerning", "Back to Concerning"
    POOR = "poor", "Poor"
    UNACCEPTABLE = "unacceptable", "Unacceptable"
    DEFICIENT = "deficient", "Deficient"


class RecordStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


# A record moves from open to closed, once; a closed record is kept, never reopened.
RECORD_MOVES = {RecordStatus.OPEN: {RecordStatus.CLOSED}, RecordStatus.CLOSED: set()}


class ClosedWithOutcome(models.Model):
    """A REP, FREP or warning notice: open until closed once, with the outcome the decision gave."""

    status = models.CharField(max_length=10, choices=RecordStatus.choices, default=RecordStatus.OPEN)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closing_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def is_open(self):
        return self.status == RecordStatus.OPEN


class InterventionEvent(models.Model):
    """Who did what to an intervention record, when and why. Written by the services only."""

    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="+")
    record_type = models.CharField(max_length=50)  # app_label.model of the record acted on
    record_id = models.PositiveIntegerField()
    action = models.CharField(max_length=100)  # e.g. "REP written", "Action marked done"
    detail = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    objects = scoped_to("school")

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def __str__(self):
        return f"{self.action} by {self.by}"
