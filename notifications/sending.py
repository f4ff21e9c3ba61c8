"""Sending hand-offs: single messages and the daily email.

Each message is claimed by a conditional update (waiting or failed -> sending) before it goes, and the
email goes outside any transaction; a second run finds it sent and sends nothing. A daily email is one
`Digest` row per person and day (unique): running the digest twice the same day sends nothing twice, and
what lands after it waits for the next day's.
"""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone

from schools.models import Trust

from .models import CLAIMABLE, Digest, Event, HandOff, SendStatus

logger = logging.getLogger(__name__)

SUBJECTS = {
    Event.VOTE_OPENED: "A vote is open for you",
    Event.VOTE_CLOSING: "A vote closes tomorrow",
    Event.VOTE_CLOSED: "A vote has closed",
    Event.DIRECTIVE_REPORTED: "A directive has been reported done",
    Event.DIRECTIVE_RETURNED: "A directive's report has been returned",
    Event.ACTION_REOPENED: "An audit action has been reopened",
    Event.ACTIONS_IMPORTED: "Audit actions have been recorded for you",
    Event.ACTION_DUE: "An audit action is falling due",
    Event.REP_REVIEW_DUE: "A REP milestone review is due",
    Event.LETTER_UNACKNOWLEDGED: "A letter has not been acknowledged",
}


def subject_for(hand_off: HandOff) -> str:
    where = f": {hand_off.school}" if hand_off.school_id else ""
    return SUBJECTS[Event(hand_off.event)] + where


def _context(hand_off: HandOff) -> dict:
    return {
        "hand_off": hand_off,
        "subject": subject_for(hand_off),
        "sentence": f"notifications/email/events/{hand_off.event}.txt",
        "link": settings.PORTAL_BASE_URL + hand_off.path,
    }


def _email(*, person, subject: str, template: str, context: dict, trust) -> EmailMultiAlternatives:
    context = {**context, "trust": trust.name, "person": person.display_name or person.email}
    email = EmailMultiAlternatives(
        subject=f"{trust.name}: {subject}",
        body=render_to_string(f"notifications/email/{template}.txt", context),
        to=[person.email],
    )
    email.attach_alternative(render_to_string(f"notifications/email/{template}.html", context), "text/html")
    return email


def _claim(model, pk, **conditions) -> bool:
    return bool(
        model.objects.filter(pk=pk, status__in=CLAIMABLE, **conditions).update(
            status=SendStatus.SENDING, claimed_at=timezone.now()
        )
    )


def _mark(queryset, *, error: Exception | None = None) -> None:
    if error is None:
        queryset.update(status=SendStatus.SENT, sent_at=timezone.now(), last_error="")
    else:
        queryset.update(status=SendStatus.FAILED, last_error=str(error))


def hand_off_send(*, hand_off_id: int) -> bool:
    """Send one single hand-off if it is still waiting. Call outside any transaction. Safe to run twice."""
    if not _claim(HandOff, hand_off_id, held_for_digest=False):
        return False  # gone, sent, held for a daily email, or another run has it
    hand_off = HandOff.objects.select_related("recipient", "school").get(pk=hand_off_id)
    this = HandOff.objects.filter(pk=hand_off_id)
    try:
        _email(
            person=hand_off.recipient,
            subject=subject_for(hand_off),
            template="hand_off",
            context=_context(hand_off),
            trust=Trust.objects.get_current(),
        ).send()
    except Exception as error:  # noqa: BLE001 - any failure leaves the message for the next run
        logger.exception("Hand-off email %s could not be sent", hand_off_id)
        _mark(this, error=error)
        return False
    _mark(this)
    return True


def hand_offs_send_waiting(*, older_than: timedelta | None = None, now=None) -> int:
    """Send every single hand-off waiting or failed (those waiting longer than `older_than`, if given)."""
    waiting = HandOff.objects.filter(status__in=CLAIMABLE, held_for_digest=False)
    if older_than is not None:
        waiting = waiting.filter(
            status=SendStatus.PENDING, created_at__lt=(now or timezone.now()) - older_than
        )
    return sum(hand_off_send(hand_off_id=pk) for pk in list(waiting.values_list("pk", flat=True)))


def digests_prepare(*, day: date) -> int:
    """A daily email for `day` for each person with hand-offs held and in no daily email yet."""
    people = (
        HandOff.objects.filter(held_for_digest=True, digest__isnull=True)
        .values_list("recipient_id", flat=True)
        .distinct()
        .order_by("recipient_id")
    )
    made = [Digest(person_id=person_id, day=day) for person_id in people]
    return len(Digest.objects.bulk_create(made, ignore_conflicts=True))


def digest_send(*, digest_id: int) -> bool:
    """Claim one daily email, gather into it everything held for its person, and send it once."""
    if not _claim(Digest, digest_id):
        return False
    digest = Digest.objects.select_related("person").get(pk=digest_id)
    HandOff.objects.filter(recipient=digest.person, held_for_digest=True, digest__isnull=True).update(
        digest=digest
    )
    hand_offs = list(digest.hand_offs.select_related("school").order_by("created_at", "pk"))
    this = Digest.objects.filter(pk=digest_id)
    if not hand_offs:  # another day's email took them first
        this.delete()
        return False
    items = [_context(hand_off) for hand_off in hand_offs]
    count = len(items)
    try:
        _email(
            person=digest.person,
            subject=f"{count} thing{'s' if count != 1 else ''} for you on the portal, {digest.day:%-d %B %Y}",
            template="digest",
            context={"items": items, "day": digest.day},
            trust=Trust.objects.get_current(),
        ).send()
    except Exception as error:  # noqa: BLE001 - any failure leaves the email for the next run
        logger.exception("Daily email %s could not be sent", digest_id)
        _mark(this, error=error)
        return False
    _mark(this)
    _mark(digest.hand_offs.all())
    return True


def digests_send(*, day: date) -> int:
    """The daily run: make today's emails, then send every one waiting (or failed on an earlier run)."""
    digests_prepare(day=day)
    waiting = Digest.objects.filter(status__in=CLAIMABLE).order_by("day", "pk")
    return sum(digest_send(digest_id=pk) for pk in list(waiting.values_list("pk", flat=True)))


def hand_offs_recover(*, now=None) -> int:
    """For the sweeper: take back single messages a dead run left "sending" (a claim older than
    PORTAL_CLAIM_STALE_AFTER; the conditional claim lets only one run have each), and send them with
    those saved while the queue was down (waiting over a minute with no task behind them)."""
    now = now or timezone.now()
    HandOff.objects.filter(
        status=SendStatus.SENDING,
        held_for_digest=False,
        claimed_at__lt=now - settings.PORTAL_CLAIM_STALE_AFTER,
    ).update(status=SendStatus.PENDING)
    return hand_offs_send_waiting(older_than=timedelta(minutes=1), now=now)


def digests_recover(*, now=None) -> int:
    """For the sweeper: a daily email a dead run left "sending" is taken back and sent."""
    now = now or timezone.now()
    stale = list(
        Digest.objects.filter(
            status=SendStatus.SENDING, claimed_at__lt=now - settings.PORTAL_CLAIM_STALE_AFTER
        ).values_list("pk", flat=True)
    )
    Digest.objects.filter(pk__in=stale, status=SendStatus.SENDING).update(status=SendStatus.PENDING)
    return sum(digest_send(digest_id=pk) for pk in stale)
