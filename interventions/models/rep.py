"""The Rapid Enhancement Plan (REP): the plan a school in education Concerning follows in full."""

from datetime import timedelta

from django.conf import settings
from django.db import models

from .common import ClosedWithOutcome, scoped_to


class Milestone(models.TextChoices):
    """The REP's milestones, counted from the date it was written (Appendix 4)."""

    WEEK_1 = "week_1", "ASAP (within 1 week)"
    WEEK_3 = "week_3", "Within 3 weeks"
    WEEK_6 = "week_6", "By week 6"


MILESTONE_WEEKS = {Milestone.WEEK_1: 1, Milestone.WEEK_3: 3, Milestone.WEEK_6: 6}


def milestone_due_on(written_on, milestone):
    return written_on + timedelta(weeks=MILESTONE_WEEKS[milestone])


class Rep(ClosedWithOutcome):
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="reps")
    written_on = models.DateField("date written")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="reps_written",
        help_text="Usually the EHT.",
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reps_mentored",
    )
    mentor_time = models.CharField(max_length=100, blank=True, help_text="For example: 0.5 days a week")
    funding_amount = models.DecimalField(
        "extra funding from reserves", max_digits=10, decimal_places=2, null=True, blank=True
    )
    funding_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    funding_approved_on = models.DateField(null=True, blank=True)
    sdp_expected_on = models.DateField("reviewed SDP expected by", null=True, blank=True)
    sdp_received_on = models.DateField("reviewed SDP received", null=True, blank=True)
    ends_on = models.DateField(help_text="Week 6 unless extended.")

    outcome_dimension = "education"

    objects = scoped_to("school")

    class Meta:
        ordering = ["-written_on", "-pk"]
        verbose_name = "REP"
        constraints = [
            models.UniqueConstraint(
                fields=["school"], condition=models.Q(status="open"), name="one_open_rep_per_school"
            ),
        ]

    def __str__(self):
        return f"REP for {self.school} (written {self.written_on:%-d %B %Y})"


class RepMilestone(models.Model):
    rep = models.ForeignKey(Rep, on_delete=models.CASCADE, related_name="milestones")
    milestone = models.CharField(max_length=10, choices=Milestone.choices)
    due_on = models.DateField()

    objects = scoped_to("rep__school")

    class Meta:
        ordering = ["due_on", "milestone"]
        constraints = [
            models.UniqueConstraint(fields=["rep", "milestone"], name="one_of_each_milestone_per_rep")
        ]

    def __str__(self):
        return f"{self.get_milestone_display()} (due {self.due_on:%-d %B %Y})"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


# Work can go back from done (the review found it was not), but never to not started once begun.
ACTION_MOVES = {
    ActionStatus.NOT_STARTED: {ActionStatus.IN_PROGRESS, ActionStatus.DONE},
    ActionStatus.IN_PROGRESS: {ActionStatus.DONE},
    ActionStatus.DONE: {ActionStatus.IN_PROGRESS},
}
ACTION_STATUS_COLOURS = {
    ActionStatus.NOT_STARTED: "grey",
    ActionStatus.IN_PROGRESS: "yellow",
    ActionStatus.DONE: "green",
}


class RepAction(models.Model):
    milestone = models.ForeignKey(RepMilestone, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField("action")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="rep_actions")
    status = models.CharField(max_length=15, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    progress_note = models.TextField(blank=True)
    done_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = scoped_to("milestone__rep__school")

    class Meta:
        ordering = ["milestone__due_on", "pk"]

    def __str__(self):
        return self.text[:80]

    @property
    def status_colour(self):
        return ACTION_STATUS_COLOURS[self.status]


class RepReview(models.Model):
    """A milestone review by the CEO/EHT and head (and mentor)."""

    milestone = models.ForeignKey(RepMilestone, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    reviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    notes = models.TextField()
    on_track = models.BooleanField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_to("milestone__rep__school")

    class Meta:
        ordering = ["reviewed_on", "pk"]

    def __str__(self):
        return f"Review of {self.milestone.get_milestone_display()} on {self.reviewed_on:%-d %B %Y}"


class RepExtension(models.Model):
    """A new end date. Extensions count towards Poor ("multiple REPs or REP extensions")."""

    rep = models.ForeignKey(Rep, on_delete=models.CASCADE, related_name="extensions")
    previous_ends_on = models.DateField()
    new_ends_on = models.DateField()
    reason = models.TextField()
    granted_on = models.DateField()
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["granted_at", "pk"]

    def __str__(self):
        return f"Extended to {self.new_ends_on:%-d %B %Y}"
