"""Making a letter's PDF: the one function the worker task (and load_demo) calls."""

from django.template.loader import render_to_string

from trust_portal.pdf_records import TRANSIENT_ERRORS, pdf_record_render

from .compose import content_hash, letter_content
from .models import Letter, LetterPdf

__all__ = ["TRANSIENT_ERRORS", "letter_pdf_for_current_content", "letter_pdf_render"]


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


def _file_name(pdf: LetterPdf) -> str:
    letter = pdf.letter
    half_term = letter.half_term.label.replace(", ", "-").replace(" ", "-")
    return f"letters/{letter.school.urn}/{half_term}-v{letter.version}-{pdf.content_hash[:12]}.pdf"


def letter_pdf_render(*, pdf_id: int) -> LetterPdf | None:
    """Render one letter PDF record if nobody else has (the shared record path: claim, render, store).

    Safe to call twice: a ready record is left alone, and one being made elsewhere is not touched.
    Returns the record, or None if it has gone or was not ours to make.
    """
    return pdf_record_render(
        model=LetterPdf,
        pk=pdf_id,
        html=lambda pdf: letter_document_html(pdf.content),
        file_name=_file_name,
        related=("letter__school", "letter__half_term"),
    )
