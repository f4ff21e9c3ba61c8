"""Taking back letter work a dead worker left claimed, and queueing again work that has no task.

The rule is the PDF render's: a claim older than PORTAL_CLAIM_STALE_AFTER (the hard time limit of every
task, plus a margin) cannot still be running, so it is taken back. Work waiting that long since it was
last handed to the queue (or never handed, because the broker was down) is queued again; a task that does
turn up later finds its work claimed or done and does nothing, so queueing twice never sends twice.
"""

from datetime import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from trust_portal.pdf_records import pdf_records_stalled
from trust_portal.queue import enqueue

from .models import EmailStatus, ItemStatus, Letter, LetterBatchItem, LetterPdf, LetterStatus


def stale_before(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - settings.PORTAL_CLAIM_STALE_AFTER


def item_stalled(now: datetime | None = None) -> Q:
    """A batch item whose worker died holding it, or that has waited too long with no task."""
    cutoff = stale_before(now)
    stale_claim = Q(status=ItemStatus.PROCESSING) & (Q(claimed_at__isnull=True) | Q(claimed_at__lt=cutoff))
    no_task = Q(status=ItemStatus.PENDING) & (Q(queued_at__isnull=True) | Q(queued_at__lt=cutoff))
    return stale_claim | no_task


def email_claimable(now: datetime | None = None) -> Q:
    """A letter's email that may be taken to send: never sent, failed, or claimed by a dead worker."""
    cutoff = stale_before(now)
    return Q(email_status__in=[EmailStatus.NOT_SENT, EmailStatus.FAILED]) | (
        Q(email_status=EmailStatus.SENDING)
        & (Q(email_claimed_at__isnull=True) | Q(email_claimed_at__lt=cutoff))
    )


def batch_items_recover(*, now: datetime | None = None) -> int:
    """Stalled batch items back to waiting, each with a new task. Returns how many."""
    from .services.batches import batch_items_queue

    now = now or timezone.now()
    stalled = list(LetterBatchItem.objects.filter(item_stalled(now)).values_list("pk", flat=True))
    if not stalled:
        return 0
    # Conditional again: an item finished or claimed since the read above is left alone.
    LetterBatchItem.objects.filter(item_stalled(now), pk__in=stalled).update(status=ItemStatus.PENDING)
    batch_items_queue(item_ids=stalled)
    return len(stalled)


def letter_emails_recover(*, now: datetime | None = None) -> int:
    """Issued letters whose email was never queued (or whose sender died) get a new task."""
    from .tasks import send_letter_email

    now = now or timezone.now()
    cutoff = stale_before(now)
    # A failed email has had its task's retries; it is shown on the letter's page, not sent again here.
    waiting = (
        Letter.objects.sent()
        .filter(email_claimable(now))
        .exclude(email_status=EmailStatus.FAILED)
        .exclude(email_status=EmailStatus.NOT_SENT, issued_at__gte=cutoff)
    )
    ids = list(waiting.values_list("pk", flat=True))
    for pk in ids:
        enqueue(lambda pk=pk: send_letter_email.delay(pk), what=f"the email of letter {pk}")
    return len(ids)


def letter_pdfs_recover(*, now: datetime | None = None) -> int:
    """Approved letters' PDFs waiting with no render, or held by a dead renderer, get a new task."""
    from .tasks import render_letter_pdf

    ids = pdf_records_stalled(LetterPdf.objects.filter(letter__status=LetterStatus.APPROVED), now=now)
    for pk in ids:
        enqueue(lambda pk=pk: render_letter_pdf.delay(pk), what=f"letter PDF {pk}")
    return len(ids)
