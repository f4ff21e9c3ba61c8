"""Celery beat tasks for audit reminders. Safe to run twice: each reminder is claimed in the database
before its email goes (see `audits.reminders`)."""

from celery import shared_task
from django.utils import timezone

from audits.reminders import (
    audit_due_reminders,
    digest_reminders,
    due_reminders,
    is_working_day,
    send_reminders,
)


@shared_task(name="audits.send_due_reminders")
def send_due_reminders() -> int:
    """Working days: owners hear 14 and 3 days before an action is due, and on the day; the compliance
    manager hears of audits due in 30 and 7 days and on the day. At the weekend nothing goes: Monday's
    run covers Saturday and Sunday."""
    today = timezone.localdate()
    if not is_working_day(today):
        return 0
    return send_reminders(due_reminders(today) + audit_due_reminders(today), today)


@shared_task(name="audits.send_weekly_digests")
def send_weekly_digests() -> int:
    """Mondays: owners get their overdue actions; the compliance manager, actions awaiting a check and
    the overdue audits on the schedule. Never at a weekend."""
    today = timezone.localdate()
    if not is_working_day(today):
        return 0
    return send_reminders(digest_reminders(today), today)
