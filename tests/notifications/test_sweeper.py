"""The sweeper takes back a hand-off or a daily email a dead run left "sending", and sends it once."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from audits.services import audit_action_reopen
from notifications.models import Digest, HandOff, SendStatus
from notifications.services import email_preference_set
from notifications.tasks import send_digests, send_hand_off
from operations.sweeper import claims_sweep
from tests.audits.factories import action_at


def long_ago(settings):
    return timezone.now() - settings.PORTAL_CLAIM_STALE_AFTER - timedelta(seconds=1)


def a_reopened_action(world):
    action = action_at(world.school_a, owner=world.head_a, status="reported_done")
    audit_action_reopen(action=action, comment="Evidence missing", by=world.compliance_manager)


def test_a_hand_off_left_sending_by_a_dead_worker_is_sent_by_the_sweeper_once(world, trust, settings):
    a_reopened_action(world)
    hand_off = HandOff.objects.get()
    HandOff.objects.filter(pk=hand_off.pk).update(status=SendStatus.SENDING, claimed_at=timezone.now())
    assert send_hand_off(hand_off.pk) is False  # a live claim is left alone
    assert claims_sweep()["hand_offs"] == 0
    HandOff.objects.filter(pk=hand_off.pk).update(
        claimed_at=long_ago(settings), created_at=long_ago(settings)
    )
    assert claims_sweep()["hand_offs"] == 1
    assert claims_sweep()["hand_offs"] == 0
    assert len(mail.outbox) == 1
    assert HandOff.objects.get().status == SendStatus.SENT


def test_a_hand_off_saved_while_the_queue_was_down_is_sent_by_the_sweeper(world, trust, settings):
    a_reopened_action(world)
    assert claims_sweep()["hand_offs"] == 0  # just made: its task may be on the way
    HandOff.objects.update(created_at=timezone.now() - timedelta(minutes=2))
    assert claims_sweep()["hand_offs"] == 1
    assert len(mail.outbox) == 1


def test_a_daily_email_left_sending_is_sent_by_the_sweeper_once(world, trust, settings):
    email_preference_set(person=world.head_a, daily_digest=True)
    a_reopened_action(world)
    assert claims_sweep()["hand_offs"] == 0, "a held hand-off is not the sweeper's to send"
    send_digests()
    Digest.objects.update(status=SendStatus.SENDING, claimed_at=timezone.now())
    mail.outbox.clear()
    assert claims_sweep()["digests"] == 0
    Digest.objects.update(claimed_at=long_ago(settings))
    assert claims_sweep()["digests"] == 1
    assert claims_sweep()["digests"] == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["head.a@trust.example"]


def test_the_back_office_lists_hand_offs_and_daily_emails_read_only(world, trust, admin_client):
    a_reopened_action(world)
    listing = admin_client.get(reverse("admin:notifications_handoff_changelist"))
    assert listing.status_code == 200 and "An audit action reopened" in listing.content.decode()
    assert admin_client.get(reverse("admin:notifications_digest_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:notifications_handoff_add")).status_code == 403
