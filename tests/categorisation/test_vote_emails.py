"""The panel's emails: a link when a vote opens, a reminder the day before it closes, the outcome. The
tasks are called directly (never through eager mode), twice: each member gets each email once."""

from collections import Counter
from datetime import timedelta

from django.core import mail
from django.utils import timezone

from categorisation.models import Choice, MessageStatus, Vote, VoteEvent, VoteMessage
from categorisation.services import vote_cast, vote_close, vote_withdraw
from categorisation.tasks import send_vote_messages, send_vote_reminders
from schools.models import Trust
from tests.categorisation.test_votes import everyone_votes, open_vote

PANEL_EMAILS = {
    "ceo@trust.example",
    "es@trust.example",
    "eht@trust.example",
    "head.a@trust.example",
    "lsb.a@trust.example",
    "mentor@trust.example",
}


def _trust():
    trust = Trust.objects.get_current()
    trust.name = "Schools for Every Child Trust"
    trust.save()
    return trust


def test_each_panel_member_gets_one_email_with_a_link_when_a_vote_opens(world, aut2, panel, poor_school):
    _trust()
    vote = open_vote(world, aut2)
    assert send_vote_messages(vote.pk) == 6
    assert send_vote_messages(vote.pk) == 0
    assert Counter(m.to[0] for m in mail.outbox) == Counter(PANEL_EMAILS)
    email = mail.outbox[0]
    assert email.subject == "A vote is open for you on the Schools for Every Child Trust portal"
    link = f"/categorisation/votes/{vote.pk}/"
    assert link in email.body
    html, kind = email.alternatives[0]
    assert kind == "text/html" and link in html and "Schools for Every Child Trust" in html
    # Nothing sensitive: not the school, not the motion, not the levels.
    for text in ("Ashdown", "Warning-notice", "Unacceptable"):
        assert text not in email.body and text not in html


def test_the_reminder_goes_the_day_before_the_closing_date_once_to_each_member_yet_to_vote(
    world, aut2, panel, poor_school
):
    vote = open_vote(world, aut2)
    send_vote_messages(vote.pk)
    mail.outbox.clear()
    vote_cast(vote=vote, by=world.ceo, choice=Choice.FOR)
    assert send_vote_reminders() == 0  # the closing date is a week away
    Vote.objects.filter(pk=vote.pk).update(closes_on=timezone.localdate() + timedelta(days=1))
    assert send_vote_reminders() == 5
    assert send_vote_reminders() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(PANEL_EMAILS - {"ceo@trust.example"})
    assert all("closes tomorrow" in m.subject for m in mail.outbox)


def test_the_panel_gets_the_outcome_once_each(world, aut2, panel, poor_school):
    vote = open_vote(world, aut2)
    everyone_votes(vote)
    vote_close(vote=vote, by=world.ceo)
    assert send_vote_messages(vote.pk) == 12  # the opening emails and the outcome
    assert send_vote_reminders() == 0
    assert send_vote_messages(vote.pk) == 0
    by_event = Counter(VoteMessage.objects.values_list("event", flat=True))
    assert by_event == {VoteEvent.OPENED: 6, VoteEvent.OUTCOME: 6}
    outcome = [m for m in mail.outbox if "has closed" in m.subject]
    assert Counter(m.to[0] for m in outcome) == Counter(PANEL_EMAILS)


def test_a_withdrawn_vote_tells_the_panel(world, aut2, panel, poor_school):
    vote = open_vote(world, aut2)
    vote_withdraw(vote=vote, by=world.ceo, reason="Opened on the wrong evidence.")
    send_vote_messages(vote.pk)
    assert VoteMessage.objects.filter(event=VoteEvent.OUTCOME, status=MessageStatus.SENT).count() == 6
    assert not any("wrong evidence" in m.body for m in mail.outbox)


def test_an_email_that_failed_is_sent_by_the_next_run_and_only_then(
    world, aut2, panel, poor_school, settings
):
    vote = open_vote(world, aut2)
    settings.EMAIL_BACKEND = "tests.audits.failing_mail.Backend"
    assert send_vote_messages(vote.pk) == 0
    assert set(VoteMessage.objects.values_list("status", flat=True)) == {MessageStatus.FAILED}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_vote_reminders() == 6  # the daily run sends whatever is still waiting
    assert send_vote_messages(vote.pk) == 0
    assert len(mail.outbox) == 6


def test_beat_runs_the_vote_reminders_daily_and_the_worker_knows_both_tasks(settings):
    from trust_portal.celery import app

    daily = settings.CELERY_BEAT_SCHEDULE["votes-reminders"]
    assert daily["task"] == send_vote_reminders.name
    assert daily["schedule"].hour == {7}
    app.loader.import_default_modules()
    assert {send_vote_reminders.name, send_vote_messages.name} <= set(app.tasks)


def test_a_message_a_dead_run_left_sending_is_taken_back_by_the_sweeper_and_sent_once(
    world, aut2, panel, poor_school, settings
):
    from operations.sweeper import claims_sweep

    vote = open_vote(world, aut2)
    messages = VoteMessage.objects.filter(vote=vote)
    held = messages.first()
    # One run claimed this message and died; the others it never reached, and no task is behind them.
    messages.filter(pk=held.pk).update(status=MessageStatus.SENDING, claimed_at=timezone.now())
    messages.update(created_at=timezone.now() - timedelta(minutes=5))
    assert claims_sweep()["vote_messages"] == 5  # the fresh claim is left to its run
    long_ago = timezone.now() - settings.PORTAL_CLAIM_STALE_AFTER - timedelta(seconds=1)
    messages.filter(pk=held.pk).update(claimed_at=long_ago)
    assert claims_sweep()["vote_messages"] == 1
    assert claims_sweep()["vote_messages"] == 0
    assert Counter(m.to[0] for m in mail.outbox) == Counter(PANEL_EMAILS)
    assert set(messages.values_list("status", flat=True)) == {MessageStatus.SENT}
