"""The worker task that makes a pack's PDF: takes the pack's id, and is safe to run twice."""

from celery import shared_task

from letters.tasks import RENDER_LIMITS, RETRY
from trust_portal.pdf_records import TRANSIENT_ERRORS

from .document import pack_pdf_render


@shared_task(autoretry_for=TRANSIENT_ERRORS, **RETRY, **RENDER_LIMITS)
def render_pack_pdf(pack_id: int) -> None:
    pack_pdf_render(pack_id=pack_id)
