"""Peer reviews' share of the sweeper, by the letters' rule (letters.recovery): a letter PDF waiting
longer than any task may run, or held by a worker that died, gets a new task."""

from datetime import datetime

from trust_portal.pdf_records import pdf_records_stalled
from trust_portal.queue import enqueue

from .models import ReviewLetterPdf


def letter_pdfs_recover(*, now: datetime | None = None) -> int:
    from .tasks import render_peer_review_letter

    ids = pdf_records_stalled(ReviewLetterPdf.objects.all(), now=now)
    for pk in ids:
        enqueue(lambda pk=pk: render_peer_review_letter.delay(pk), what=f"peer review letter PDF {pk}")
    return len(ids)
