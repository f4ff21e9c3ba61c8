from datetime import date

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from letters.compose import content_hash, letter_content
from letters.models import (
    BatchKind,
    Directive,
    DirectiveStatus,
    Letter,
    LetterBatch,
    LetterPdf,
    LetterStatus,
    RenderStatus,
)
from schools.models import HalfTerm, HalfTermNumber

PLACEHOLDER_PDF = "letters/tests/placeholder.pdf"


def half_term(start_year=2026, number=HalfTermNumber.AUTUMN_2):
    return HalfTerm.objects.get(academic_year__starts_on=date(start_year, 9, 1), number=number)


def draft_letter(school, by, *, term=None, ceo_text="Thank you for a strong half-term.", dated=None):
    return Letter.objects.create(
        school=school, half_term=term or half_term(), created_by=by, ceo_text=ceo_text, dated=dated
    )


def ready_pdf(letter, *, name=PLACEHOLDER_PDF):
    """A READY PDF record for what the letter says now, pointing at a small placeholder file."""
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(b"%PDF-1.7\n% placeholder for tests\n"))
    content = letter_content(letter)
    return LetterPdf.objects.create(
        letter=letter,
        content_hash=content_hash(content),
        content=content,
        status=RenderStatus.READY,
        file=name,
        sha256="0" * 64,
        size=40,
        made_at=timezone.now(),
    )


def approved_letter(school, by, **kwargs):
    letter = draft_letter(school, by, **kwargs)
    Letter.objects.filter(pk=letter.pk).update(
        status=LetterStatus.APPROVED, approved_by=by, approved_at=timezone.now()
    )
    letter.refresh_from_db()
    return letter


def sent_letter(school, by, *, term=None, **kwargs):
    """An issued letter (Aut 1, 2026 unless told) with its frozen content and a ready PDF."""
    letter = draft_letter(school, by, term=term or half_term(2026, HalfTermNumber.AUTUMN_1), **kwargs)
    pdf = ready_pdf(letter)
    Letter.objects.filter(pk=letter.pk).update(
        status=LetterStatus.ISSUED,
        dated=letter.dated or timezone.localdate(),
        issued_by=by,
        issued_at=timezone.now(),
        content=pdf.content,
        issued_pdf=pdf,
    )
    letter.refresh_from_db()
    return letter


def directive(letter, by, *, text="Ensure the SCR is complete", status=DirectiveStatus.OPEN, due_on=None):
    return Directive.objects.create(
        school=letter.school,
        letter=letter,
        half_term=letter.half_term,
        text=text,
        status=status,
        due_on=due_on,
        set_by=by,
    )


def batch(world, kind=BatchKind.APPROVE):
    return LetterBatch.objects.create(kind=kind, half_term=half_term(), started_by=world.ceo)


def decide_all(school, by, *, term=None, code="universal"):
    """The school's education, finance and site & H&S categories decided for the half-term."""
    from categorisation.models import Dimension
    from tests.categorisation.factories import CategorisationFactory, level

    for dimension in (Dimension.EDUCATION, Dimension.FINANCE, Dimension.SITE):
        CategorisationFactory(
            school=school, half_term=term or half_term(), level=level(dimension, code), decided_by=by
        )
