"""A hand-off through a real Celery worker: queued when the change commits, sent once."""

import pytest
from django.db import transaction

from letters.services import directive_report_done, directive_return
from notifications.models import HandOff, SendStatus
from notifications.tasks import send_hand_off
from tests.letters.factories import directive, sent_letter
from tests.letters.worker import wait_for
from tests.notifications.conftest import SENSITIVE

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def on_a_tuesday():
    """A real worker keeps real time (the pinned clock of the other tests does not reach it)."""
    yield


def test_a_worker_sends_a_directive_report_to_the_ceo_once_on_commit(world, celery_worker):
    letter = sent_letter(world.school_a, world.ceo)
    item = directive(letter, world.ceo, text=SENSITIVE)
    with transaction.atomic():
        directive_report_done(directive=item, by=world.head_a, what_was_done="Done", done_on=letter.dated)
        assert HandOff.objects.count() == 1  # recorded with the change, queued only once it commits
    wait_for(
        lambda: HandOff.objects.filter(status=SendStatus.SENT).exists(),
        worker=celery_worker,
        what="the email",
    )
    first = HandOff.objects.get().pk
    send_hand_off.delay(first)  # a doubled task
    send_hand_off(first)
    # The head's hand-off is queued after the doubled task, so once it is sent the double has run too.
    directive_return(directive=item, by=world.ceo, reason="Not yet")
    wait_for(
        lambda: not HandOff.objects.exclude(status=SendStatus.SENT).exists(),
        worker=celery_worker,
        what="the second email",
    )
    emails = celery_worker.emails()
    assert len(emails) == 2
    to_ceo = next(email for email in emails if "To: ceo@trust.example" in email)
    assert f"/letters/schools/{world.school_a.urn}/" in to_ceo
    assert "DSL" not in "".join(emails)
