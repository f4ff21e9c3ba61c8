"""Issuing while the task queue cannot be reached: a clear page, nothing sent, and the letters issue once
the queue is back (by clicking again, or, for work saved before the queue went, by Retry or the sweeper)."""

import pytest
from django.urls import reverse

from letters.models import BatchKind, EmailStatus, ItemStatus, Letter, LetterBatch, LetterStatus
from letters.selectors import batch_progress
from letters.services import letter_batch_start
from operations.sweeper import claims_sweep
from tests.letters.factories import approved_letter, half_term, ready_pdf
from tests.letters.worker import wait_for
from tests.operations.broker import broker_unreachable

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def two_approved_letters(world):
    for school in (world.school_a, world.school_b):
        ready_pdf(approved_letter(school, world.ceo))


def all_emailed():
    return not Letter.objects.exclude(email_status=EmailStatus.SENT).exists()


def test_issue_all_with_the_queue_down_says_so_sends_nothing_and_works_once_it_is_back(
    world, client_as, celery_worker
):
    two_approved_letters(world)
    client = client_as(world.ceo)
    url = reverse("letters:issue_all", args=[half_term().pk])

    with broker_unreachable():
        response = client.post(url, {"letters": 2}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "The task queue could not be reached, so nothing was sent" in page
    assert "Traceback" not in page and "redis" not in page.lower()
    assert not LetterBatch.objects.exists()
    assert set(Letter.objects.values_list("status", flat=True)) == {LetterStatus.APPROVED}

    response = client.post(url, {"letters": 2})
    batch = LetterBatch.objects.get()
    assert response["Location"] == reverse("letters:batch_detail", args=[batch.pk])
    wait_for(all_emailed, worker=celery_worker, what="the letters to be issued and emailed")
    assert set(Letter.objects.values_list("status", flat=True)) == {LetterStatus.ISSUED}
    assert len(celery_worker.emails()) == 2


def test_work_saved_as_the_queue_went_down_is_shown_stalled_and_retry_issues_it(
    world, client_as, celery_worker
):
    two_approved_letters(world)
    with broker_unreachable():
        # The queue goes between the page's check and the commit: the batch is saved, its tasks are not.
        batch = letter_batch_start(
            kind=BatchKind.ISSUE, half_term=half_term(), by=world.ceo, confirmed_count=2
        )
    assert set(batch.items.values_list("status", "queued_at")) == {(ItemStatus.PENDING, None)}
    assert len(batch_progress(batch)["stalled"]) == 2

    client = client_as(world.ceo)
    page = client.get(reverse("letters:batch_detail", args=[batch.pk])).content.decode()
    assert "Letters that have stalled" in page and "Try the stalled letters again" in page
    client.post(reverse("letters:batch_retry", args=[batch.pk]))
    wait_for(all_emailed, worker=celery_worker, what="the retried letters")
    assert set(batch.items.values_list("status", flat=True)) == {ItemStatus.DONE}
    assert len(celery_worker.emails()) == 2


def test_the_sweeper_queues_work_that_never_reached_the_queue(world, celery_worker):
    two_approved_letters(world)
    with broker_unreachable():
        batch = letter_batch_start(
            kind=BatchKind.ISSUE, half_term=half_term(), by=world.ceo, confirmed_count=2
        )
    assert claims_sweep()["batch_items"] == 2
    wait_for(all_emailed, worker=celery_worker, what="the swept letters")
    assert set(batch.items.values_list("status", flat=True)) == {ItemStatus.DONE}
    assert claims_sweep() == {
        "letter_pdfs": 0,
        "batch_items": 0,
        "letter_emails": 0,
        "audit_reminders": 0,
        "vote_messages": 0,
        "notice_pdfs": 0,
        "notice_emails": 0,
        "pack_pdfs": 0,
        "peer_review_letters": 0,
        "hand_offs": 0,
        "digests": 0,
    }
