"""The Finance REP (FREP): directives with deadlines for a school in finance Concerning."""

from django.conf import settings
from django.db import models

from .common import ClosedWithOutcome, scoped_to


class Frep(ClosedWithOutcome):
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="freps")
    written_on = models.DateField("date written")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="freps_written",
        help_text="Usually the CFO.",
    )
    summary = models.TextField(blank=True, help_text="Why the school is in finance Concerning.")

    outcome_dimension = "finance"

    objects = scoped_to("school")

    class Meta:
        ordering = ["-written_on", "-pk"]
        verbose_name = "FREP"
        constraints = [
            models.UniqueConstraint(
                fields=["school"], condition=models.Q(status="open"), name="one_open_frep_per_school"
            ),
        ]

    def __str__(self):
        return f"FREP for {self.school} (written {self.written_on:%-d %B %Y})"


class TargetStatus(models.TextChoices):
    """A FREP directive or a warning-notice target: open until found met or missed."""

    OPEN = "open", "Open"
    REPORTED = "reported", "Reported by the school"
    MET = "met", "Met"
    MISSED = "missed", "Not met"


# Met and missed are findings; a finding made in error can be put back to open and found again. The
# school reports progress (open -> reported); the trust accepts it (met) or returns it (open).
TARGET_MOVES = {
    TargetStatus.OPEN: {TargetStatus.REPORTED, TargetStatus.MET, TargetStatus.MISSED},
    TargetStatus.REPORTED: {TargetStatus.OPEN, TargetStatus.MET, TargetStatus.MISSED},
    TargetStatus.MET: {TargetStatus.OPEN},
    TargetStatus.MISSED: {TargetStatus.OPEN},
}
TARGET_STATUS_COLOURS = {
    TargetStatus.OPEN: "grey",
    TargetStatus.REPORTED: "purple",
    TargetStatus.MET: "green",
    TargetStatus.MISSED: "red",
}


class ReportedProgress(models.Model):
    """What the school's head reported on a FREP directive or a notice target, and what the trust said."""

    progress = models.TextField("progress reported by the school", blank=True)
    done_on = models.DateField("done on (the school's date)", null=True, blank=True)
    reported_at = models.DateTimeField(null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    returned_note = models.TextField("why the trust returned the report", blank=True)

    class Meta:
        abstract = True


class FrepDirective(ReportedProgress):
    frep = models.ForeignKey(Frep, on_delete=models.CASCADE, related_name="directives")
    text = models.TextField("directive")
    due_on = models.DateField("deadline")
    status = models.CharField(max_length=10, choices=TargetStatus.choices, default=TargetStatus.OPEN)
    met_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)

    objects = scoped_to("frep__school")

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.text[:80]

    @property
    def met_in_time(self):
        return self.status == TargetStatus.MET and self.met_on is not None and self.met_on <= self.due_on

    @property
    def status_colour(self):
        return TARGET_STATUS_COLOURS[self.status]
