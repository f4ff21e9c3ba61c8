"""Unacceptable: the Trustee-appointed Improvement Board, its action plan and monthly reports."""

from django.conf import settings
from django.db import models

from ..ladder import DIMENSION_CHOICES
from .common import RecordStatus, scoped_to

MIN_BOARD_MEMBERS = 3


class ImprovementBoard(models.Model):
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="improvement_boards")
    dimension = models.CharField(max_length=20, choices=DIMENSION_CHOICES)
    formed_on = models.DateField()
    interim_leader = models.CharField(
        "interim executive principal or head", max_length=200, blank=True, help_text="Appointed by the CEO."
    )
    action_plan = models.TextField(
        blank=True, help_text="Written by the board, the head and the mentor or executive head together."
    )
    plan_approved_on = models.DateField("approved by the E&S Committee on", null=True, blank=True)
    plan_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=RecordStatus.choices, default=RecordStatus.OPEN)
    closed_on = models.DateField(null=True, blank=True)
    closing_note = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_to("school")

    class Meta:
        ordering = ["-formed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["school"],
                condition=models.Q(status="open"),
                name="one_open_improvement_board_per_school",
            ),
        ]

    def __str__(self):
        return f"Improvement Board for {self.school} (formed {self.formed_on:%-d %B %Y})"

    @property
    def is_open(self):
        return self.status == RecordStatus.OPEN


class BoardMember(models.Model):
    board = models.ForeignKey(ImprovementBoard, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=200)
    expertise = models.CharField(
        max_length=200, blank=True, help_text="For example: school development, education, finance trustee."
    )

    objects = scoped_to("board__school")

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class MonthlyReport(models.Model):
    """The school's monthly progress report to the board. `month` is the first day of the month."""

    board = models.ForeignKey(ImprovementBoard, on_delete=models.CASCADE, related_name="reports")
    month = models.DateField()
    received_on = models.DateField()
    summary = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_to("board__school")

    class Meta:
        ordering = ["month"]
        constraints = [models.UniqueConstraint(fields=["board", "month"], name="one_report_per_board_month")]

    def __str__(self):
        return f"{self.month:%B %Y}"


class HrSupportPlan(models.Model):
    """The HR support plan for the leadership. Restricted: only the CEO, CFO and COO see it."""

    board = models.OneToOneField(ImprovementBoard, on_delete=models.CASCADE, related_name="hr_support_plan")
    text = models.TextField("plan")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"HR support plan, {self.board.school}"
