"""The emails a vote's panel is sent: a link when it opens, a reminder the day before it closes, and the
outcome. Each is one `VoteMessage` row per member and event (unique), claimed by a conditional update
(PENDING/FAILED -> SENDING) before it is sent, outside any transaction: so each goes exactly once, and a
send that failed goes with the next run."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from notifications import hand_offs
from notifications.selectors import digest_people
from schools.models import Trust
from trust_portal.queue import enqueue

from ..models import MessageStatus, Vote, VoteEvent, VoteMember, VoteMessage, VoteStatus

logger = logging.getLogger(__name__)

SUBJECTS = {
    VoteEvent.OPENED: "A vote is open for you on the {trust} portal",
    VoteEvent.REMINDER: "Reminder: a vote on the {trust} portal closes tomorrow",
    VoteEvent.OUTCOME: "A vote on the {trust} portal has closed",
}


def _by_daily_email(vote: Vote, event: VoteEvent, members) -> list:
    """Members who chose one email a day hear of the vote in it (a hand-off); the others are returned."""
    held = digest_people({member.person_id for member in members})
    hand_offs.vote_message(vote, event, [member.person for member in members if member.person_id in held])
    return [member for member in members if member.person_id not in held]


def vote_messages_queue(*, vote: Vote, event: VoteEvent, members) -> int:
    """Record one message per member for the event (none twice) and send them once the change commits."""
    members = _by_daily_email(vote, event, list(members))
    created = VoteMessage.objects.bulk_create(
        [VoteMessage(vote=vote, member=member, event=event) for member in members], ignore_conflicts=True
    )
    from ..tasks import send_vote_messages

    # If the queue is down the messages stay waiting; the sweeper sends them once it is back.
    transaction.on_commit(lambda: enqueue(lambda: send_vote_messages.delay(vote.pk), what="vote emails"))
    return len(created)


def vote_reminders_queue(today=None) -> int:
    """The day before an open vote closes, a reminder for each member who has yet to vote."""
    today = today or timezone.localdate()
    members = VoteMember.objects.filter(
        vote__status=VoteStatus.OPEN,
        vote__closes_on=today + timedelta(days=1),
        choice="",
        stepped_aside_at__isnull=True,
    ).select_related("vote__school", "person")
    members = [m for vote_members in _by_vote(members) for m in _by_daily_email(*vote_members)]
    rows = [VoteMessage(vote_id=m.vote_id, member_id=m.pk, event=VoteEvent.REMINDER) for m in members]
    VoteMessage.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _by_vote(members):
    votes = {}
    for member in members:
        votes.setdefault(member.vote_id, (member.vote, VoteEvent.REMINDER, []))[2].append(member)
    return list(votes.values())


def _claim(message_id: int) -> bool:
    return bool(
        VoteMessage.objects.filter(
            pk=message_id, status__in=[MessageStatus.PENDING, MessageStatus.FAILED]
        ).update(status=MessageStatus.SENDING, claimed_at=timezone.now())
    )


def _email(message: VoteMessage, trust) -> EmailMultiAlternatives:
    person = message.member.person
    context = {
        "trust": trust.name,
        "person": person.display_name or person.email,
        "event": message.event,
        "closes_on": message.vote.closes_on,
        "link": settings.PORTAL_BASE_URL + reverse("categorisation:vote", kwargs={"pk": message.vote_id}),
    }
    email = EmailMultiAlternatives(
        subject=SUBJECTS[VoteEvent(message.event)].format(trust=trust.name),
        body=render_to_string("categorisation/email/vote.txt", context),
        to=[person.email],
    )
    email.attach_alternative(render_to_string("categorisation/email/vote.html", context), "text/html")
    return email


def vote_messages_send(*, vote_id: int | None = None) -> int:
    """Send every message waiting (for one vote, or all). Call outside any transaction. Safe to run twice."""
    waiting = VoteMessage.objects.filter(status__in=[MessageStatus.PENDING, MessageStatus.FAILED])
    if vote_id is not None:
        waiting = waiting.filter(vote_id=vote_id)
    return _send_each(list(waiting.values_list("pk", flat=True)))


def vote_messages_recover(*, now=None) -> int:
    """For the sweeper: take back messages a dead run left "sending" (a claim older than
    PORTAL_CLAIM_STALE_AFTER, by a conditional update so only one sweeper has each), and send them with
    those saved while the queue was down (waiting for over a minute with no task behind them)."""
    now = now or timezone.now()
    stale = VoteMessage.objects.filter(
        status=MessageStatus.SENDING, claimed_at__lt=now - settings.PORTAL_CLAIM_STALE_AFTER
    )
    stale.update(status=MessageStatus.PENDING)
    lost = VoteMessage.objects.filter(status=MessageStatus.PENDING, created_at__lt=now - timedelta(minutes=1))
    return _send_each(list(lost.values_list("pk", flat=True)))


def _send_each(message_ids: list[int]) -> int:
    trust = Trust.objects.get_current()
    sent = 0
    for message_id in message_ids:
        if not _claim(message_id):
            continue  # another run has it
        message = VoteMessage.objects.select_related("vote", "member__person").get(pk=message_id)
        try:
            _email(message, trust).send()
        except Exception as error:  # noqa: BLE001 - any failure leaves the message for the next run
            logger.exception("Vote message %s could not be sent", message_id)
            VoteMessage.objects.filter(pk=message_id).update(
                status=MessageStatus.FAILED, last_error=str(error)
            )
            continue
        VoteMessage.objects.filter(pk=message_id).update(status=MessageStatus.SENT, sent_at=timezone.now())
        sent += 1
    return sent
