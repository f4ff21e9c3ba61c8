"""Reminder tasks, called directly (never through eager mode), twice: each email goes once."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from audits.models import ActionStatus, ReminderKind, ReminderSent, ReminderStatus
from audits.tasks import send_due_reminders, send_weekly_digests
from tests.audits.factories import action_at


@pytest.fixture(autouse=True)
def on_a_tuesday():
    """Reminders go on working days only (test_weekends.py); these run on one."""
    with time_machine.travel(datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Europe/London")), tick=False):
        yield


def _days(n):
    return timezone.localdate() + timedelta(days=n)


def test_the_due_reminder_task_run_twice_sends_each_email_once(world):
    action_at(world.school_a, owner=world.head_a, due_on=_days(14))
    action_at(world.school_a, owner=world.head_a, due_on=_days(3))
    action_at(world.school_b, owner=world.head_b, due_on=_days(0))
    action_at(world.school_b, owner=world.head_b, due_on=_days(30))  # not yet
    action_at(world.school_b, owner=world.head_b, due_on=_days(2), status=ActionStatus.REPORTED_DONE)

    assert send_due_reminders() == 3
    assert send_due_reminders() == 0

    subjects = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert subjects == [
        ("head.a@trust.example", "Audit action due in 14 days: Ashdown Primary Academy"),
        ("head.a@trust.example", "Audit action due in 3 days: Ashdown Primary Academy"),
        ("head.b@trust.example", "Audit action due today: Brookfield Primary"),
    ]
    assert set(ReminderSent.objects.values_list("status", flat=True)) == {ReminderStatus.SENT}


def test_a_due_reminder_names_the_action_but_never_carries_its_wording(world):
    action_at(world.school_a, owner=world.head_a, due_on=_days(3), description="Refer the DSL's concern")
    send_due_reminders()
    (email,) = mail.outbox
    assert "Refer the DSL" not in email.body and "Ashdown Primary Academy" in email.body
    assert "/audits/actions/" in email.body


def test_an_action_inside_the_3_day_window_gets_only_that_reminder_then_the_one_on_the_day(world):
    action = action_at(world.school_a, owner=world.head_a, due_on=_days(2))
    send_due_reminders()
    assert list(ReminderSent.objects.values_list("kind", flat=True)) == [ReminderKind.DUE_IN_3_DAYS]
    action.due_on = timezone.localdate()
    action.save()
    send_due_reminders()
    send_due_reminders()
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject.startswith("Audit action due today")


def test_the_weekly_digests_run_twice_go_once_to_owners_of_overdue_actions_and_the_compliance_manager(world):
    action_at(world.school_a, owner=world.head_a, due_on=_days(-10), description="Fit a fire door closer")
    action_at(world.school_a, owner=world.head_a, due_on=_days(-2), status=ActionStatus.REOPENED)
    action_at(world.school_b, owner=world.head_b, due_on=_days(5))  # not overdue
    action_at(world.school_b, owner=world.head_b, due_on=_days(-5), status=ActionStatus.REPORTED_DONE)

    # The owner's overdue actions; the compliance manager's actions awaiting a check, and the audits
    # overdue on the schedule (the schools joined in 2020 and have had only the one audit each).
    assert send_weekly_digests() == 3
    assert send_weekly_digests() == 0

    by_person = {(m.to[0], m.subject.split(" ")[-1]): m for m in mail.outbox}
    assert by_person[("head.a@trust.example", "actions")].subject == "2 overdue audit actions"
    owners = by_person[("head.a@trust.example", "actions")].body
    assert "Fit a fire door closer" not in owners, "the action's wording stays behind sign-in"
    assert "Ashdown Primary Academy" in owners and "/audits/actions/" in owners
    check = by_person[("compliance@trust.example", "check")]
    assert check.subject == "1 audit action reported and awaiting your check"
    overdue = by_person[("compliance@trust.example", "schedule")]
    assert overdue.subject.endswith("overdue audits on the schedule")
    assert (
        "Ashdown Primary Academy: Health and safety" in overdue.body or "(never carried out)" in overdue.body
    )


def test_a_reminder_that_failed_to_send_is_sent_by_the_next_run(world, settings):
    action_at(world.school_a, owner=world.head_a, due_on=_days(3))
    settings.EMAIL_BACKEND = "tests.audits.failing_mail.Backend"
    assert send_due_reminders() == 0
    failed = ReminderSent.objects.get()
    assert failed.status == ReminderStatus.FAILED
    assert "mail server down" in failed.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_due_reminders() == 1
    assert send_due_reminders() == 0
    assert len(mail.outbox) == 1


def test_beat_runs_the_reminders_daily_and_the_digests_weekly_on_london_time(settings):
    from trust_portal.celery import app

    schedule = settings.CELERY_BEAT_SCHEDULE
    assert settings.CELERY_TIMEZONE == "Europe/London"
    daily, weekly = schedule["audits-due-reminders"], schedule["audits-weekly-digests"]
    assert daily["task"] == send_due_reminders.name and weekly["task"] == send_weekly_digests.name
    assert weekly["schedule"].day_of_week == {1}
    app.loader.import_default_modules()
    assert {daily["task"], weekly["task"]} <= set(app.tasks)
