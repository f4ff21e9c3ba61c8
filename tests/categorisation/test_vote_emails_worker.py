"""The panel's emails sent by a real Celery worker: enqueued when the vote opens and when it closes (on
commit), each member's email once, and a second run of the task finds nothing left to send."""

import re

import pytest

from categorisation.models import MessageStatus, VoteMessage
from categorisation.services import vote_close
from categorisation.tasks import send_vote_messages
from tests.categorisation.test_votes import everyone_votes, open_vote
from tests.letters.worker import celery_worker, wait_for  # noqa: F401  (the real-worker fixture)

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _all_sent(count):
    return lambda: VoteMessage.objects.filter(status=MessageStatus.SENT).count() == count


def test_a_worker_emails_the_panel_once_when_a_vote_opens_and_when_it_closes(
    world, aut2, panel, poor_school, request
):
    worker = request.getfixturevalue("celery_worker")
    vote = open_vote(world, aut2)
    wait_for(_all_sent(6), worker=worker, what="the opening emails")
    everyone_votes(vote)
    vote_close(vote=vote, by=world.ceo)
    wait_for(_all_sent(12), worker=worker, what="the outcome emails")
    assert send_vote_messages(vote.pk) == 0  # run again: nothing is sent twice
    # The file backend may put two messages sent in the same second in one file: count the messages.
    text = "".join(worker.emails())
    assert sorted(re.findall(r"^To: (.+)$", text, re.M)) == sorted(
        2 * [m.person.email for m in vote.members.all()]
    )
    assert len(re.findall(r"^Subject: A vote is open for you", text, re.M)) == 6
    assert len(re.findall(r"^Subject: A vote on .+ has closed", text, re.M)) == 6
