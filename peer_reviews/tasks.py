"""Worker task: make a peer review's findings letter PDF (takes the record's id, safe to run twice)."""

from celery import shared_task

from letters.tasks import RENDER_LIMITS, RETRY
from trust_portal.pdf_records import TRANSIENT_ERRORS

from .document import letter_pdf_render


@shared_task(autoretry_for=TRANSIENT_ERRORS, **RETRY, **RENDER_LIMITS)
def render_peer_review_letter(pdf_id: int) -> None:
    letter_pdf_render(pdf_id=pdf_id)
