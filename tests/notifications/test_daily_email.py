"""A person who chose one email a day gets one, listing everything held for them, however often the
digest runs; single emails are not sent to them meanwhile."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.core import mail

from audits.services import audit_action_reopen
from categorisation.models import VoteMessage
from categorisation.tasks import send_vote_messages
from letters.services import directive_report_done, directive_return
from notifications.models import Digest, Event, HandOff, SendStatus
from notifications.services import email_preference_set
from notifications.tasks import check_hand_offs, send_digests
from tests.audits.factories import action_at
from tests.categorisation.test_votes import open_vote
from tests.letters.factories import directive, sent_letter
from tests.notifications.conftest import SENSITIVE, send_new_hand_offs_twice

LONDON = ZoneInfo("Europe/London")


def reopened(world, description=SENSITIVE):
    action = action_at(world.school_a, owner=world.head_a, status="reported_done", description=description)
    return audit_action_reopen(action=action, comment="Evidence missing", by=world.compliance_manager)


def test_a_digest_person_gets_one_email_a_day_over_two_days(world, trust):
    email_preference_set(person=world.head_a, daily_digest=True)
    letter = sent_letter(world.school_a, world.ceo)
    item = directive(letter, world.ceo, text=SENSITIVE)
    directive_report_done(directive=item, by=world.head_a, what_was_done="Done", done_on=date(2026, 12, 1))
    directive_return(directive=item, by=world.ceo, reason="Not yet")
    first = reopened(world)

    send_new_hand_offs_twice()
    assert [m.to for m in mail.outbox] == [["ceo@trust.example"]], "the head's are held for the daily email"
    mail.outbox.clear()

    assert send_digests() == 1
    assert send_digests() == 0
    (tuesday,) = mail.outbox
    assert tuesday.to == ["head.a@trust.example"]
    assert tuesday.subject == "Schools for Every Child Trust: 2 things for you on the portal, 1 December 2026"
    html, _ = tuesday.alternatives[0]
    for part in (tuesday.body, html):
        assert f"/letters/{letter.pk}/" in part and f"/audits/actions/{first.pk}/" in part
        assert "DSL" not in part
    assert set(HandOff.objects.filter(recipient=world.head_a).values_list("status", flat=True)) == {
        SendStatus.SENT
    }

    reopened(world, description="Another action")  # after the day's email: it waits for tomorrow
    assert send_digests() == 0
    with time_machine.travel(datetime(2026, 12, 2, 7, 45, tzinfo=LONDON), tick=False):
        check_hand_offs()
        assert send_digests() == 1
        assert send_digests() == 0
    assert len(mail.outbox) == 2
    assert "1 thing for you on the portal, 2 December 2026" in mail.outbox[1].subject
    assert Digest.objects.filter(person=world.head_a).count() == 2


def test_no_daily_email_goes_at_the_weekend_and_mondays_covers_it(world, trust):
    email_preference_set(person=world.head_a, daily_digest=True)
    with time_machine.travel(datetime(2026, 12, 5, 10, 0, tzinfo=LONDON), tick=False):
        reopened(world)
        assert send_digests() == 0
    with time_machine.travel(datetime(2026, 12, 7, 7, 45, tzinfo=LONDON), tick=False):
        assert send_digests() == 1
    assert len(mail.outbox) == 1


def test_nobody_gets_an_empty_daily_email(world, trust):
    email_preference_set(person=world.head_a, daily_digest=True)
    assert send_digests() == 0
    assert not Digest.objects.exists() and mail.outbox == []


def test_a_daily_email_that_failed_goes_with_the_next_run(world, trust, settings):
    email_preference_set(person=world.head_a, daily_digest=True)
    reopened(world)
    settings.EMAIL_BACKEND = "tests.audits.failing_mail.Backend"
    assert send_digests() == 0
    assert Digest.objects.get().status == SendStatus.FAILED
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_digests() == 1
    assert send_digests() == 0
    assert len(mail.outbox) == 1


def test_a_panel_member_who_chose_a_daily_email_hears_of_a_vote_in_it_and_the_others_at_once(
    world, trust, aut2, panel, poor_school
):
    email_preference_set(person=panel["lsb_chair"], daily_digest=True)
    vote = open_vote(world, aut2)
    assert send_vote_messages(vote.pk) == 5
    assert "lsb.a@trust.example" not in {m.to[0] for m in mail.outbox}
    assert not VoteMessage.objects.filter(member__person=panel["lsb_chair"]).exists()
    mail.outbox.clear()
    assert send_digests() == 1
    (daily,) = mail.outbox
    assert daily.to == ["lsb.a@trust.example"] and f"/categorisation/votes/{vote.pk}/" in daily.body
    assert "closes" not in daily.subject and HandOff.objects.get().event == Event.VOTE_OPENED
    assert "Warning-notice" not in daily.body


def test_choosing_single_emails_again_sends_the_next_hand_off_at_once(world, trust):
    email_preference_set(person=world.head_a, daily_digest=True)
    email_preference_set(person=world.head_a, daily_digest=False)
    reopened(world)
    assert send_new_hand_offs_twice() == 1
    assert send_digests() == 0
    assert len(mail.outbox) == 1


def test_an_owner_who_chose_a_daily_email_finds_audit_due_reminders_in_it_once(world, trust):
    from audits.tasks import send_due_reminders

    email_preference_set(person=world.head_a, daily_digest=True)
    action = action_at(world.school_a, owner=world.head_a, description=SENSITIVE, due_on=date(2026, 12, 4))
    action_at(world.school_b, owner=world.head_b, due_on=date(2026, 12, 4))
    assert send_due_reminders() == 2
    assert send_due_reminders() == 0
    assert [m.to for m in mail.outbox] == [["head.b@trust.example"]]
    assert send_digests() == 1
    assert send_digests() == 0
    daily = mail.outbox[1]
    assert daily.to == ["head.a@trust.example"] and f"/audits/actions/{action.pk}/" in daily.body
    assert "4 December 2026" in daily.body and "DSL" not in daily.body
