"""Celery beat tasks for audit reminders. Safe to run twice: each reminder is claimed in the database
before its email goes (see `audits.reminders`)."""

from celery import shared_task
from django.utils import timezone

from audits.reminders import digest_reminders, due_reminders, send_reminders


@shared_task(name="audits.send_due_reminders")
def send_due_reminders() -> int:
    """Daily: owners hear 14 and 3 days before an action is due, and on the day."""
    today = timezone.localdate()
    return send_reminders(due_reminders(today), today)


@shared_task(name="audits.send_weekly_digests")
def send_weekly_digests() -> int:
    """Weekly: owners get their overdue actions; the compliance manager, actions awaiting a check."""
    today = timezone.localdate()
    return send_reminders(digest_reminders(today), today)
