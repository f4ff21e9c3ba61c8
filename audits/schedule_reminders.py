"""Reminders about the audit schedule itself: the compliance manager hears of audits falling due in
30 and 7 days and on the day, and gets a Monday digest of overdue audits. Claimed and sent once through
`audits.reminders` like every other reminder (one email per kind and due date)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from audits.models import ReminderKind
from audits.selectors import schedule_for
from schools.models import School

# Days before the due date -> the reminder sent then; an audit first seen inside a window gets only that
# window's reminder.
AUDIT_BEFORE_DUE = [
    (0, ReminderKind.AUDIT_DUE_TODAY),
    (7, ReminderKind.AUDIT_DUE_IN_7_DAYS),
    (30, ReminderKind.AUDIT_DUE_IN_30_DAYS),
]
AUDIT_KINDS = frozenset({kind for _, kind in AUDIT_BEFORE_DUE} | {ReminderKind.AUDIT_OVERDUE_DIGEST})


@dataclass(frozen=True)
class ScheduledAudit:
    school: School
    audit_type: object
    next_due: date
    never_done: bool


def scheduled_audits(today: date) -> list[ScheduledAudit]:
    """Every school's next audit of each active type (three queries)."""
    schools = list(School.objects.order_by("name"))
    plan = schedule_for(schools=schools, today=today)
    return [
        ScheduledAudit(school, row.audit_type, row.next_due, row.last is None)
        for school in schools
        for row in plan[school.pk]
    ]


def overdue_audits(today: date) -> list[ScheduledAudit]:
    return [audit for audit in scheduled_audits(today) if audit.next_due < today]


def audit_kind_for(days_left: int):
    for limit, kind in AUDIT_BEFORE_DUE:
        if days_left <= limit:
            return kind
    return None


def audit_due_dates(today: date, *, since: date) -> list[tuple[str, date]]:
    """(kind, due date) for each day audits fall due on inside a window, from `since` (three queries)."""
    last = today + timedelta(days=AUDIT_BEFORE_DUE[-1][0])
    due = {
        (audit_kind_for((audit.next_due - today).days), audit.next_due)
        for audit in scheduled_audits(today)
        if since <= audit.next_due <= last
    }
    return sorted(due)


def audit_message(record, today: date) -> tuple[str, str]:
    link = settings.PORTAL_BASE_URL + reverse("audits:schedule")
    if record.kind == ReminderKind.AUDIT_OVERDUE_DIGEST:
        audits = overdue_audits(today)
        subject = f"{len(audits)} overdue audit{'s' if len(audits) != 1 else ''} on the schedule"
        intro = "These audits are past their due date on the schedule:"
        link += "?state=overdue"
    else:
        audits = [a for a in scheduled_audits(today) if a.next_due == record.due_on]
        days = (record.due_on - today).days
        when = "today" if days == 0 else (f"in {days} days" if days > 0 else f"on {record.due_on:%A %-d %B}")
        subject = f"{len(audits)} audit{'s' if len(audits) != 1 else ''} due {when}"
        intro = f"These audits fall due {when} ({record.due_on:%-d %B %Y}):"
    body = render_to_string(
        "audits/email/audits_due.txt",
        {"person": record.recipient, "intro": intro, "audits": audits, "link": link},
    )
    return subject, body
