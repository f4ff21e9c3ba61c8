"""A vote's week, with the clock moved (time-machine): opened on a Monday with the default closing date a
week later, the reminder goes on the Sunday to those yet to vote, and it closes from the Monday with a
quorum."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from categorisation.models import Choice, VoteStatus
from categorisation.services import vote_cast, vote_close
from categorisation.tasks import send_vote_messages, send_vote_reminders
from tests.categorisation.test_votes import open_vote

LONDON = ZoneInfo("Europe/London")


def at(day, hour=9):
    return datetime(2026, 12, day, hour, tzinfo=LONDON)


def test_a_week_of_a_vote_reminder_the_day_before_and_close_from_the_closing_date(
    world, aut2, panel, poor_school
):
    with time_machine.travel(at(7), tick=False):  # Monday
        vote = open_vote(world, aut2)
        send_vote_messages(vote.pk)
        for person in (world.ceo, panel["es_chair"], panel["eht"], world.head_a):
            vote_cast(vote=vote, by=person, choice=Choice.FOR)
    assert str(vote.closes_on) == "2026-12-14"
    with time_machine.travel(at(12), tick=False):  # Saturday: too early for the reminder or the close
        assert send_vote_reminders() == 0
        with pytest.raises(ValidationError, match="cannot close before its closing date"):
            vote_close(vote=vote, by=world.ceo)
    with time_machine.travel(at(13, 7), tick=False):  # Sunday, when beat runs the reminders
        assert send_vote_reminders() == 2
        assert send_vote_reminders() == 0
    reminded = sorted(m.to[0] for m in mail.outbox if "closes tomorrow" in m.subject)
    assert reminded == ["lsb.a@trust.example", "mentor@trust.example"]
    with time_machine.travel(at(14), tick=False):  # Monday: the closing date, 4 of 6 have voted
        vote, record = vote_close(vote=vote, by=world.ceo)
    assert vote.status == VoteStatus.CARRIED and record.level.code == "unacceptable"
