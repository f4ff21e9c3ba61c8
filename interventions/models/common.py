"""What every intervention record shares: the outcome it closes with, and the record of who did what."""

from django.conf import settings
from django.db import models

from schools.models import SchoolScopedQuerySet


def scoped_to(school_field):
    """A manager whose `visible_to(user)` follows `school_field` to the school the row belongs to."""
    queryset = type(f"ScopedTo_{school_field}", (SchoolScopedQuerySet,), {"school_field": school_field})
    return queryset.as_manager()


class RecordStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


# A record moves from open to closed, once; a closed record is kept, never reopened.
RECORD_MOVES = {RecordStatus.OPEN: {RecordStatus.CLOSED}, RecordStatus.CLOSED: set()}


class ClosedWithOutcome(models.Model):
    """A REP, FREP or warning notice: open until closed once, with the outcome the decision gave."""

    status = models.CharField(max_length=10, choices=RecordStatus.choices, default=RecordStatus.OPEN)
    outcome = models.CharField(
        max_length=40, blank=True, help_text="The code of the ladder level the school went to."
    )
    closed_on = models.DateField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closing_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    # The dimension whose ladder the outcome is a level of; a warning notice has its own field.
    outcome_dimension = ""

    @property
    def is_open(self):
        return self.status == RecordStatus.OPEN

    @property
    def outcome_name(self):
        from ..ladder import outcome_name

        return outcome_name(dimension=self.outcome_dimension or self.dimension, code=self.outcome)


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
