"""An audit never done falls due and becomes overdue; the compliance manager hears of audits falling due
(30 and 7 days before, and on the day) and of overdue ones on Mondays; nothing goes at a weekend."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.core import mail

from audits.models import Audit, AuditType, Cycle, ReminderSent
from audits.selectors import schedule_for
from audits.tasks import send_due_reminders, send_weekly_digests
from tests.audits.factories import action_at

LONDON = ZoneInfo("Europe/London")
SATURDAY, SUNDAY, MONDAY = date(2026, 12, 5), date(2026, 12, 6), date(2026, 12, 7)


def at(day):
    return time_machine.travel(datetime.combine(day, datetime.min.time().replace(hour=7), LONDON), tick=False)


def _only_type(name="Tree survey", cycle=Cycle.ANNUAL, first_due_on=None):
    AuditType.objects.update(is_active=False)
    return AuditType.objects.create(name=name, cycle=cycle, provider="Trees Ltd", first_due_on=first_due_on)


def _row(school, today):
    return schedule_for(schools=[school], today=today)[school.pk][0]


def test_an_audit_never_done_is_due_from_the_day_the_school_joined_and_then_overdue(world):
    _only_type()
    world.school_a.joined_on = date(2019, 9, 1)
    row = _row(world.school_a, date(2026, 12, 1))
    assert (row.last, row.next_due, row.state(date(2026, 12, 1))) == (None, date(2019, 9, 1), "overdue")


def test_a_types_first_due_date_counts_when_it_is_later_than_joining(world):
    _only_type(first_due_on=date(2026, 12, 20))
    world.school_a.joined_on = date(2019, 9, 1)
    assert _row(world.school_a, date(2026, 12, 1)).state(date(2026, 12, 1)) == "due"
    assert _row(world.school_a, date(2026, 12, 21)).state(date(2026, 12, 21)) == "overdue"
    world.school_a.joined_on = None
    assert _row(world.school_a, date(2026, 10, 1)).next_due == date(2026, 12, 20)


def _audit(world, school, audit_type, carried_out_on):
    return Audit.objects.create(
        school=school, audit_type=audit_type, carried_out_on=carried_out_on, recorded_by=world.ceo
    )


def test_the_compliance_manager_hears_30_and_7_days_before_and_on_the_day_once_each(world):
    tree = _only_type()
    today = date(2026, 12, 1)  # a Tuesday
    _audit(world, world.school_a, tree, date(2025, 12, 31))  # due 31 December: in 30 days
    _audit(world, world.school_b, tree, date(2025, 12, 8))  # due 8 December: in 7 days
    with at(today):
        assert send_due_reminders() == 2
        assert send_due_reminders() == 0
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == ["1 audit due in 30 days", "1 audit due in 7 days"]
    assert {m.to[0] for m in mail.outbox} == {"compliance@trust.example"}
    assert "Brookfield Primary: Tree survey, due 8 December 2026" in "".join(m.body for m in mail.outbox)
    with at(date(2026, 12, 8)):
        assert send_due_reminders() == 1  # Brookfield's is due today
    with at(date(2026, 12, 24)):
        assert send_due_reminders() == 1  # Ashdown's, now 7 days away
    assert mail.outbox[-1].subject == "1 audit due in 7 days"
    assert ReminderSent.objects.count() == 4


def test_no_reminder_goes_at_a_weekend_and_monday_catches_up(world):
    tree = _only_type()
    _audit(world, world.school_a, tree, date(2025, 12, 5))  # the audit falls due on Saturday
    action_at(world.school_a, owner=world.head_a, due_on=SUNDAY, description="Prune the oak")
    for day in (SATURDAY, SUNDAY):
        with at(day):
            assert send_due_reminders() == 0
            assert send_weekly_digests() == 0
    assert mail.outbox == [] and not ReminderSent.objects.exists()
    with at(MONDAY):
        assert send_due_reminders() == 2
        assert send_due_reminders() == 0
        assert send_weekly_digests() >= 1
    subjects = [m.subject for m in mail.outbox]
    assert "Audit action due on Sunday 6 December: Ashdown Primary Academy" in subjects
    assert "1 audit due on Saturday 5 December" in subjects
    assert "2 overdue audits on the schedule" in subjects  # Ashdown's, and Brookfield's never done
