"""Warning notices (Poor): the notice, its targets, the target-setting meeting and the action plan."""

from django.conf import settings
from django.db import models

from ..ladder import DIMENSION_CHOICES
from .common import ClosedWithOutcome, scoped_to
from .frep import TARGET_STATUS_COLOURS, ReportedProgress, TargetStatus


class WarningNotice(ClosedWithOutcome):
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="warning_notices")
    dimension = models.CharField(max_length=20, choices=DIMENSION_CHOICES)
    issued_on = models.DateField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text="Finance: the CFO."
    )
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="warning_notices_received")
    grounds = models.TextField(help_text="Why the trust is issuing this notice.")
    matters = models.TextField("matters it rests on", help_text="The facts and findings, one per line.")
    period_ends_on = models.DateField("end of the compliance period")
    consequence = models.TextField(
        "consequence if not met",
        help_text="For example: the panel may vote to move the school to Unacceptable.",
    )
    advisor = models.CharField(
        "advisor directing the head",
        max_length=200,
        blank=True,
        help_text="The LA or external improvement advisor, or the EHT, who directs and guides the head.",
    )
    coaching = models.TextField("extra coaching for leaders", blank=True)
    meeting_on = models.DateField("target-setting meeting", null=True, blank=True)
    meeting_attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    action_plan = models.TextField("jointly written action plan (LSB and head)", blank=True)
    action_plan_received_on = models.DateField(null=True, blank=True)
    action_plan_sent_to_chair_on = models.DateField(
        "action plan sent to the E&S Board chair", null=True, blank=True
    )

    objects = scoped_to("school")

    class Meta:
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "dimension"],
                condition=models.Q(status="open"),
                name="one_open_warning_notice_per_school_and_dimension",
            ),
            models.CheckConstraint(
                condition=models.Q(period_ends_on__gt=models.F("issued_on")),
                name="warning_notice_period_ends_after_issue",
            ),
        ]

    def __str__(self):
        return f"{self.get_dimension_display()} warning notice to {self.school} ({self.issued_on:%-d %B %Y})"

    def vote_due(self, on):
        """The period has ended and the school's place is still to be voted on."""
        return self.is_open and on >= self.period_ends_on


class NoticeTarget(ReportedProgress):
    notice = models.ForeignKey(WarningNotice, on_delete=models.CASCADE, related_name="targets")
    text = models.TextField("required action")
    due_on = models.DateField("deadline")
    status = models.CharField(max_length=10, choices=TargetStatus.choices, default=TargetStatus.OPEN)
    met_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)

    objects = scoped_to("notice__school")

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.text[:80]

    @property
    def status_colour(self):
        return TARGET_STATUS_COLOURS[self.status]
