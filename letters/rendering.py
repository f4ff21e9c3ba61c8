"""Making a letter's PDF: the one function the worker task (and load_demo) calls."""

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import InterfaceError, OperationalError
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from .compose import content_hash, letter_content
from .models import Letter, LetterPdf, RenderStatus
from .pdf import render_pdf

logger = logging.getLogger(__name__)

# Errors worth trying again later (the database was busy or the connection dropped); anything else in a
# render is a fault in the content or the machinery, recorded as FAILED.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


def letter_pdf_for_current_content(letter: Letter) -> LetterPdf:
    """The PDF record for what the letter says now (made PENDING if this content has none yet)."""
    content = letter_content(letter)
    pdf, _ = LetterPdf.objects.get_or_create(
        letter=letter, content_hash=content_hash(content), defaults={"content": content}
    )
    return pdf


def letter_document_html(content: dict) -> str:
    """The whole HTML document WeasyPrint lays out; the web page includes the same letter template."""
    return render_to_string("letters/letter_document.html", {"c": content})


def _stale_after() -> timedelta:
    # A claim older than the hard time limit belongs to a worker that died mid-render.
    return settings.PORTAL_CLAIM_STALE_AFTER


def letter_pdf_render(*, pdf_id: int) -> LetterPdf | None:
    """Render one PDF record if nobody else has: claim, render, store the file, record READY or FAILED.

    Safe to call twice: a ready record is left alone, and one being made elsewhere is not touched.
    Returns the record, or None if it has gone or was not ours to make.
    """
    now = timezone.now()
    claimable = Q(status__in=[RenderStatus.PENDING, RenderStatus.FAILED]) | Q(
        status=RenderStatus.PROCESSING, claimed_at__lt=now - _stale_after()
    )
    claimed = LetterPdf.objects.filter(claimable, pk=pdf_id).update(
        status=RenderStatus.PROCESSING, claimed_at=now
    )
    if not claimed:
        return LetterPdf.objects.filter(pk=pdf_id).first()
    pdf = LetterPdf.objects.select_related("letter__school", "letter__half_term").get(pk=pdf_id)
    LetterPdf.objects.filter(pk=pdf_id).update(attempts=pdf.attempts + 1)
    try:
        data = render_pdf(letter_document_html(pdf.content))
        letter = pdf.letter
        name = default_storage.save(
            f"letters/{letter.school.urn}/{letter.half_term.label.replace(', ', '-').replace(' ', '-')}"
            f"-v{letter.version}-{pdf.content_hash[:12]}.pdf",
            ContentFile(data),
        )
    except TRANSIENT_ERRORS:
        # Let the task retry: hand the claim back so the retry can take it.
        LetterPdf.objects.filter(pk=pdf_id, status=RenderStatus.PROCESSING).update(
            status=RenderStatus.PENDING
        )
        raise
    except Exception as error:  # kept on the record for the CEO to see, and to retry
        logger.exception("Letter PDF %s failed", pdf_id)
        LetterPdf.objects.filter(pk=pdf_id, status=RenderStatus.PROCESSING).update(
            status=RenderStatus.FAILED, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        pdf.refresh_from_db()
        return pdf
    LetterPdf.objects.filter(pk=pdf_id, status=RenderStatus.PROCESSING).update(
        status=RenderStatus.READY,
        file=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        made_at=timezone.now(),
        last_error="",
    )
    pdf.refresh_from_db()
    return pdf
