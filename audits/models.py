"""Centrally commissioned audits, the actions they leave a school, and the reminders about them.

An action's status moves only through `audits.services`; the allowed moves are in `ALLOWED_MOVES` below.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from schools.models import SchoolScopedQuerySet


class Cycle(models.TextChoices):
    TERMLY = "termly", "Termly"
    ANNUAL = "annual", "Annual"
    TRIENNIAL = "triennial", "Every three years"


# How long after an audit the next one of its type falls due.
CYCLE_MONTHS = {Cycle.TERMLY: 4, Cycle.ANNUAL: 12, Cycle.TRIENNIAL: 36}


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(day)


class AuditType(models.Model):
    name = models.CharField(max_length=100, unique=True)
    cycle = models.CharField(max_length=20, choices=Cycle.choices)
    provider = models.CharField(max_length=200, help_text="Who carries the audit out for the trust.")
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True, help_text="Untick to take the type off the schedule.")
    first_due_on = models.DateField(
        "first due",
        null=True,
        blank=True,
        help_text="When a school that has never had this audit first needed it (e.g. when the checks "
        "began). Empty: from the day the school joined the trust.",
    )

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def next_due_after(self, last: date) -> date:
        return add_months(last, CYCLE_MONTHS[self.cycle])

    def first_due_for(self, school, today: date) -> date:
        """When a school that has never had this audit is due one: from the later of the day it joined
        the trust and the type's first due date; today if neither is known."""
        known = [day for day in (school.joined_on, self.first_due_on) if day]
        return max(known) if known else today


class AuditQuerySet(SchoolScopedQuerySet):
    school_field = "school"


def report_path(instance, filename):
    return f"audits/reports/{instance.school.urn}/{filename}"


class Audit(models.Model):
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="audits")
    audit_type = models.ForeignKey(AuditType, on_delete=models.PROTECT, related_name="audits")
    carried_out_on = models.DateField("date of the audit")
    auditor = models.CharField(max_length=200, blank=True)
    report = models.FileField(upload_to=report_path, blank=True)
    report_name = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-carried_out_on", "school__name"]

    def __str__(self):
        return f"{self.audit_type} at {self.school}, {self.carried_out_on:%-d %B %Y}"


class Priority(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


PRIORITY_COLOURS = {Priority.HIGH: "red", Priority.MEDIUM: "orange", Priority.LOW: "grey"}


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    REPORTED_DONE = "reported_done", "Reported done"
    REPORTED_NOT_ACTIONED = "reported_not_actioned", "Reported not actioned"
    CLOSED = "closed", "Closed"
    REOPENED = "reopened", "Reopened"


# The only moves an action may make (from -> the statuses it may go to). One service per move.
ALLOWED_MOVES = {
    ActionStatus.OPEN: {ActionStatus.REPORTED_DONE, ActionStatus.REPORTED_NOT_ACTIONED},
    ActionStatus.REOPENED: {ActionStatus.REPORTED_DONE, ActionStatus.REPORTED_NOT_ACTIONED},
    ActionStatus.REPORTED_DONE: {ActionStatus.CLOSED, ActionStatus.REOPENED},
    ActionStatus.REPORTED_NOT_ACTIONED: {ActionStatus.CLOSED, ActionStatus.REOPENED},
    ActionStatus.CLOSED: {ActionStatus.REOPENED},
}
# Waiting for the school to act or report.
AWAITING_SCHOOL = frozenset({ActionStatus.OPEN, ActionStatus.REOPENED})
# Reported by the school, waiting for the compliance manager to check.
AWAITING_CHECK = frozenset({ActionStatus.REPORTED_DONE, ActionStatus.REPORTED_NOT_ACTIONED})
# Not closed: what the CEO letter counts as outstanding.
OUTSTANDING = AWAITING_SCHOOL | AWAITING_CHECK

STATUS_COLOURS = {
    ActionStatus.OPEN: "yellow",
    ActionStatus.REOPENED: "orange",
    ActionStatus.REPORTED_DONE: "purple",
    ActionStatus.REPORTED_NOT_ACTIONED: "purple",
    ActionStatus.CLOSED: "green",
}


class AuditActionQuerySet(SchoolScopedQuerySet):
    school_field = "audit__school"

    def outstanding(self):
        return self.filter(status__in=OUTSTANDING)

    def overdue(self, on: date):
        """Still waiting for the school after the due date."""
        return self.filter(status__in=AWAITING_SCHOOL, due_on__lt=on)


class AuditAction(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="actions")
    description = models.TextField("action")
    priority = models.CharField(max_length=10, choices=Priority.choices)
    due_on = models.DateField("due date")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="audit_actions",
        help_text="The person who sees it through: usually the head.",
    )
    status = models.CharField(max_length=30, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    reported_at = models.DateTimeField(null=True, blank=True)
    closed_on = models.DateField("closure date", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AuditActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self):
        return f"Action {self.pk}: {self.description[:60]}"

    @property
    def school(self):
        return self.audit.school

    @property
    def status_colour(self):
        return STATUS_COLOURS[self.status]

    @property
    def priority_colour(self):
        return PRIORITY_COLOURS[self.priority]

    def is_overdue(self, on: date) -> bool:
        return self.status in AWAITING_SCHOOL and self.due_on < on

    @property
    def awaiting_school(self) -> bool:
        """Open or reopened: the school reports it next."""
        return self.status in AWAITING_SCHOOL

    @property
    def awaiting_check(self) -> bool:
        """Reported: the compliance manager checks it next."""
        return self.status in AWAITING_CHECK


class EventKind(models.TextChoices):
    RECORDED = "recorded", "Recorded"
    REPORTED_DONE = "reported_done", "Reported done"
    REPORTED_NOT_ACTIONED = "reported_not_actioned", "Reported not actioned"
    CLOSED = "closed", "Closed"
    REOPENED = "reopened", "Reopened"


class ActionEventQuerySet(SchoolScopedQuerySet):
    school_field = "action__audit__school"


def evidence_path(instance, filename):
    return f"audits/evidence/{instance.action.audit.school.urn}/{instance.action_id}/{filename}"


class ActionEvent(models.Model):
    """One step in an action's life: who did what, when, and what they said. Never edited."""

    action = models.ForeignKey(AuditAction, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    actions_taken = models.TextField(blank=True)
    outcome = models.TextField(blank=True)
    completed_on = models.DateField(null=True, blank=True)
    reason = models.TextField(blank=True)
    comment = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    evidence = models.FileField(upload_to=evidence_path, blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)

    objects = ActionEventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} by {self.by} on action {self.action_id}"


class ReminderKind(models.TextChoices):
    DUE_IN_14_DAYS = "due_14", "Due within 14 days"
    DUE_IN_3_DAYS = "due_3", "Due within 3 days"
    DUE_TODAY = "due_today", "Due today"
    OVERDUE_DIGEST = "overdue_digest", "Weekly digest of overdue actions"
    AWAITING_CHECK_DIGEST = "awaiting_check_digest", "Weekly digest of actions awaiting a check"
    # The schedule: the compliance manager hears of audits falling due, and of overdue ones each Monday.
    AUDIT_DUE_IN_30_DAYS = "audit_due_30", "Audits due within 30 days"
    AUDIT_DUE_IN_7_DAYS = "audit_due_7", "Audits due within 7 days"
    AUDIT_DUE_TODAY = "audit_due_today", "Audits due today"
    AUDIT_OVERDUE_DIGEST = "audit_overdue_digest", "Weekly digest of overdue audits"


class ReminderStatus(models.TextChoices):
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class ReminderSent(models.Model):
    """A reminder claimed or sent: one per action, kind and due date (or per person, digest and week).

    The unique constraints are what make a beat that fires twice send nothing twice.
    """

    kind = models.CharField(max_length=30, choices=ReminderKind.choices)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.ForeignKey(
        AuditAction, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    # The action's due date for an action reminder; the Monday of the week for a digest.
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=ReminderStatus.choices, default=ReminderStatus.SENDING)
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["action", "kind", "due_on"],
                condition=Q(action__isnull=False),
                name="one_reminder_per_action_kind_due_date",
            ),
            models.UniqueConstraint(
                fields=["recipient", "kind", "due_on"],
                condition=Q(action__isnull=True),
                name="one_digest_per_person_kind_week",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.recipient} ({self.due_on})"
