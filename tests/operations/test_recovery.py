"""The stale-claim rule, claim by claim: older than the hard time limit (plus the grace) is taken back."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audits.models import ReminderKind, ReminderSent, ReminderStatus
from audits.reminders import reminders_recover
from letters.models import BatchKind, EmailStatus, ItemStatus, Letter, LetterBatchItem
from letters.selectors import batch_progress
from letters.tasks import send_letter_email
from tests.letters.factories import batch, sent_letter

pytestmark = pytest.mark.django_db


def long_ago(settings):
    return timezone.now() - settings.PORTAL_CLAIM_STALE_AFTER - timedelta(seconds=1)


def a_batch_item(world, **fields):
    item = LetterBatchItem.objects.create(
        batch=batch(world, BatchKind.ISSUE), letter=sent_letter(world.school_a, world.ceo), **fields
    )
    return item


def test_an_item_held_past_the_time_limit_is_stalled_and_a_fresh_one_is_not(world, settings):
    item = a_batch_item(
        world, status=ItemStatus.PROCESSING, claimed_at=timezone.now(), queued_at=timezone.now()
    )
    assert batch_progress(item.batch)["stalled"] == []
    LetterBatchItem.objects.filter(pk=item.pk).update(claimed_at=long_ago(settings))
    progress = batch_progress(item.batch)
    assert progress["stalled"] == [world.school_a.name] and progress["can_retry"]


def test_an_item_that_never_reached_the_queue_is_stalled_at_once(world):
    item = a_batch_item(world, status=ItemStatus.PENDING, queued_at=None)
    assert batch_progress(item.batch)["stalled"] == [world.school_a.name]


def test_the_batch_page_offers_retry_for_stalled_letters_to_the_ceo_only(world, client_as, settings):
    item = a_batch_item(world, status=ItemStatus.PROCESSING, claimed_at=long_ago(settings))
    url = reverse("letters:batch_detail", args=[item.batch.pk])
    assert "Try the stalled letters again" in client_as(world.ceo).get(url).content.decode()
    page = client_as(world.cfo).get(url).content.decode()
    assert "Letters that have stalled" in page and "Try the stalled letters again" not in page


def test_an_email_claimed_by_a_dead_worker_is_sent_once_it_is_stale(world, mailoutbox, settings):
    letter = sent_letter(world.school_a, world.ceo)
    Letter.objects.filter(pk=letter.pk).update(
        email_status=EmailStatus.SENDING, email_claimed_at=timezone.now()
    )
    send_letter_email(letter.pk)
    assert mailoutbox == []  # a live claim is left alone
    Letter.objects.filter(pk=letter.pk).update(email_claimed_at=long_ago(settings))
    send_letter_email(letter.pk)
    send_letter_email(letter.pk)
    assert len(mailoutbox) == 1
    assert Letter.objects.get(pk=letter.pk).email_status == EmailStatus.SENT


def test_a_reminder_left_sending_by_a_killed_run_is_sent_by_the_sweeper_once(world, mailoutbox, settings):
    record = ReminderSent.objects.create(
        kind=ReminderKind.OVERDUE_DIGEST, recipient=world.head_a, due_on=date(2026, 11, 30)
    )
    assert reminders_recover() == 0  # still within the time limit: perhaps still sending
    ReminderSent.objects.filter(pk=record.pk).update(claimed_at=long_ago(settings))
    assert reminders_recover() == 1
    assert reminders_recover() == 0
    assert len(mailoutbox) == 1
    assert ReminderSent.objects.get(pk=record.pk).status == ReminderStatus.SENT


def test_the_back_office_lists_batches_and_their_letters_read_only(world, admin_client):
    item = a_batch_item(world, status=ItemStatus.FAILED, error="The PDF could not be made")
    listing = admin_client.get(reverse("admin:letters_letterbatch_changelist"))
    assert listing.status_code == 200
    detail = admin_client.get(reverse("admin:letters_letterbatch_change", args=[item.batch.pk]))
    assert detail.status_code == 200 and "The PDF could not be made" in detail.content.decode()
    items = admin_client.get(reverse("admin:letters_letterbatchitem_changelist")).content.decode()
    assert world.school_a.name in items
    assert admin_client.get(reverse("admin:letters_letterbatch_add")).status_code == 403
