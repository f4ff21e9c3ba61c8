"""Worker tasks: make a letter's PDF, run one letter of an approve-all / issue-all batch, send the email.

Each takes a primary key, re-reads the row, quietly skips what has gone or is already done, claims its
work with a conditional update, and retries only the named transient errors.
"""

import logging
import smtplib

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from schools.models import Appointment
from schools.roles import HEAD_ROLES, Role
from trust_portal.queue import enqueue

from .errors import LetterError, PdfNotReady
from .models import (
    BatchKind,
    EmailStatus,
    ItemStatus,
    Letter,
    LetterBatchItem,
    LetterStatus,
    RenderStatus,
)
from .recovery import email_claimable
from .rendering import TRANSIENT_ERRORS, letter_pdf_for_current_content, letter_pdf_render
from .services.batches import batch_item_claim
from .services.letters import letter_approve, letter_issue

logger = logging.getLogger(__name__)

EMAIL_TRANSIENT_ERRORS = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    ConnectionError,
    TimeoutError,
)
RETRY = {"retry_backoff": 5, "retry_backoff_max": 300, "retry_jitter": True, "max_retries": 5}
# A letter takes well under two seconds; these only stop a render that has gone wrong. They never exceed
# the portal-wide limits, which the stale-claim rule (PORTAL_CLAIM_STALE_AFTER) is counted from.
RENDER_LIMITS = {
    "soft_time_limit": min(90, settings.CELERY_TASK_SOFT_TIME_LIMIT),
    "time_limit": min(120, settings.CELERY_TASK_TIME_LIMIT),
}
EMAIL_LIMITS = {
    "soft_time_limit": min(60, settings.CELERY_TASK_SOFT_TIME_LIMIT),
    "time_limit": min(90, settings.CELERY_TASK_TIME_LIMIT),
}


@shared_task(autoretry_for=TRANSIENT_ERRORS, **RETRY, **RENDER_LIMITS)
def render_letter_pdf(pdf_id: int) -> None:
    letter_pdf_render(pdf_id=pdf_id)


def _ready_pdf(letter: Letter):
    """The PDF of what the letter says now, made here if it is not ready (only when the data changed)."""
    pdf = letter_pdf_for_current_content(letter)
    if pdf.status != RenderStatus.READY:
        pdf = letter_pdf_render(pdf_id=pdf.pk)
    if pdf is None or pdf.status != RenderStatus.READY:
        reason = pdf.last_error if pdf and pdf.last_error else "it is being made by another worker; retry"
        raise LetterError(f"The PDF could not be made: {reason}")
    return pdf


def _approve(item: LetterBatchItem) -> None:
    letter = item.letter
    if letter.status == LetterStatus.DRAFT:
        letter = letter_approve(letter=letter, by=item.batch.started_by, render=False)
    elif letter.status != LetterStatus.APPROVED:
        return  # issued since the batch started: nothing left to do
    _ready_pdf(letter)


def _issue(item: LetterBatchItem) -> None:
    letter = item.letter
    if letter.status != LetterStatus.APPROVED:
        if letter.is_sent:
            return  # already issued: never send twice
        raise LetterError("This letter was returned to draft after the batch started; approve it again.")
    by = item.batch.started_by
    try:
        letter_issue(letter=letter, by=by, queue_email=False)
    except PdfNotReady:
        # Only when the data changed after approval (or its render failed): make the PDF now, then send.
        _ready_pdf(letter)
        letter_issue(letter=letter, by=by, queue_email=False)
    # The issue has committed: send the email here rather than behind the rest of the batch in the queue
    # (and without a second task a letter on a polling queue). If sending fails here, the email's own task
    # tries again with its retries; if this worker dies first, the sweeper queues it. The letter is issued
    # either way.
    try:
        send_letter_email(letter.pk)
    except Exception:
        logger.warning("Email for letter %s not sent yet; its task will retry", letter.pk, exc_info=True)
        enqueue(lambda: send_letter_email.delay(letter.pk), what="an email")


@shared_task(autoretry_for=TRANSIENT_ERRORS, **RETRY, **RENDER_LIMITS)
def run_batch_item(item_id: int) -> None:
    if not batch_item_claim(item_id):
        return
    item = LetterBatchItem.objects.select_related("batch__started_by", "letter__school").get(pk=item_id)
    try:
        (_approve if item.batch.kind == BatchKind.APPROVE else _issue)(item)
    except TRANSIENT_ERRORS:
        LetterBatchItem.objects.filter(pk=item_id, status=ItemStatus.PROCESSING).update(
            status=ItemStatus.PENDING
        )
        raise
    except (LetterError, SoftTimeLimitExceeded) as error:
        _finish(item_id, ItemStatus.FAILED, " ".join(getattr(error, "messages", [str(error)])))
    except Exception as error:
        logger.exception("Letter batch item %s failed", item_id)
        _finish(item_id, ItemStatus.FAILED, f"{type(error).__name__}: {error}")
    else:
        _finish(item_id, ItemStatus.DONE, "")


def _finish(item_id: int, status: ItemStatus, error: str) -> None:
    LetterBatchItem.objects.filter(pk=item_id, status=ItemStatus.PROCESSING).update(
        status=status, error=error[:2000], finished_at=timezone.now()
    )


def letter_recipients(letter: Letter) -> list[str]:
    """The school's headteacher (or head of school) and LSB chair, as appointed today."""
    people = (
        Appointment.objects.current()
        .filter(school=letter.school, role__in=[*HEAD_ROLES, Role.LSB_CHAIR])
        .values_list("person__email", flat=True)
    )
    return sorted(set(people))


@shared_task(autoretry_for=EMAIL_TRANSIENT_ERRORS, **RETRY, **EMAIL_LIMITS)
def send_letter_email(letter_id: int) -> None:
    """Tell the head and LSB chair their letter is ready. The PDF stays behind the sign-in."""
    now = timezone.now()
    claimed = (
        Letter.objects.filter(pk=letter_id, status__in=[LetterStatus.ISSUED, LetterStatus.ACKNOWLEDGED])
        .filter(email_claimable(now))
        .update(email_status=EmailStatus.SENDING, email_claimed_at=now)
    )
    if not claimed:
        return
    letter = Letter.objects.select_related("school", "half_term").get(pk=letter_id)
    link = settings.PORTAL_BASE_URL + reverse("letters:detail", kwargs={"pk": letter.pk})
    message = EmailMessage(
        subject=f"Your CEO letter for {letter.half_term.label}: {letter.school}",
        body=(
            f"The CEO's letter to {letter.school} for {letter.half_term.label} has been issued.\n\n"
            f"Read it and download the PDF after signing in to the portal:\n{link}\n\n"
            "The headteacher is asked to acknowledge it there.\n"
        ),
        to=letter_recipients(letter),
    )
    try:
        if message.to:
            message.send()
    except Exception as error:
        Letter.objects.filter(pk=letter_id, email_status=EmailStatus.SENDING).update(
            email_status=EmailStatus.FAILED, email_error=f"{type(error).__name__}: {error}"[:2000]
        )
        raise
    Letter.objects.filter(pk=letter_id, email_status=EmailStatus.SENDING).update(
        email_status=EmailStatus.SENT,
        emailed_at=timezone.now(),
        email_error="" if message.to else "No head or LSB chair is appointed.",
    )
