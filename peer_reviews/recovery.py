"""Peer reviews' share of the sweeper, by the letters' rule (letters.recovery): a letter PDF waiting
longer than any task may run, or held by a worker that died, gets a new task."""

from datetime import datetime

from django.db.models import Q

from letters.recovery import stale_before
from trust_portal.pdf_records import RenderStatus
from trust_portal.queue import enqueue

from .models import ReviewLetterPdf


def letter_pdfs_recover(*, now: datetime | None = None) -> int:
    from .tasks import render_peer_review_letter

    cutoff = stale_before(now)
    waiting = ReviewLetterPdf.objects.filter(
        Q(status=RenderStatus.PENDING, created_at__lt=cutoff)
        | Q(status=RenderStatus.PROCESSING, claimed_at__lt=cutoff)
    )
    ids = list(waiting.values_list("pk", flat=True))
    for pk in ids:
        enqueue(lambda pk=pk: render_peer_review_letter.delay(pk), what=f"peer review letter PDF {pk}")
    return len(ids)
