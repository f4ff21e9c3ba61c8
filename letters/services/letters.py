"""A letter's life: drafted, approved (its PDF is made by a worker), issued (sent), acknowledged."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from categorisation.services import categorisations_lock
from records.chain import record_append
from schools.models import HalfTerm, School
from trust_portal.queue import enqueue

from ..compose import long_date
from ..errors import LetterError, PdfNotReady
from ..models import Letter, LetterPdf, LetterStatus, RenderStatus
from ..models.statuses import LETTER_MOVES, move_allowed
from ..permissions import may_acknowledge, may_approve, may_issue, may_write
from .permissions import require


def _check_move(letter: Letter, to: LetterStatus) -> None:
    if not move_allowed(LETTER_MOVES, letter.status, to):
        raise LetterError(
            f"This letter is {letter.get_status_display().lower()}, so it cannot be made {to.label.lower()}."
        )


def _locked(letter: Letter) -> Letter:
    return Letter.objects.select_for_update().select_related("school", "half_term").get(pk=letter.pk)


def undecided_reason(school, half_term, gaps: list[str]) -> str:
    which = " and ".join([", ".join(gaps[:-1]), gaps[-1]] if len(gaps) > 1 else gaps)
    return (
        f"{school}'s {which} {'category is' if len(gaps) == 1 else 'categories are'} not decided for "
        f"{half_term.label}. Decide {'it' if len(gaps) == 1 else 'them'} on the half-term screen first, "
        'so the letter does not go out saying "Not yet decided".'
    )


def _check_decided(letter: Letter) -> None:
    """A letter states the school's education, finance and site & H&S categories: all must be decided."""
    from ..selectors import undecided_categories

    gaps = undecided_categories(school_ids=[letter.school_id], half_term=letter.half_term)
    if gaps:
        raise LetterError(undecided_reason(letter.school, letter.half_term, gaps[letter.school_id]))


def _check_date(dated: date | None) -> None:
    """A letter never carries a date that has not come yet."""
    today = timezone.localdate()
    if dated is not None and dated > today:
        raise LetterError(
            f"The letter cannot be dated {long_date(dated)}: that date has not come yet. Use today "
            f"({long_date(today)}) or an earlier date, or leave the date empty to date it the day it is "
            "issued."
        )


@transaction.atomic
def letter_draft_create(*, school: School, half_term: HalfTerm, by, dated: date | None = None) -> Letter:
    """Start a school's letter for a half-term (one per school per half-term; corrections are versions)."""
    require(may_write(by), "Only the CEO can write letters.")
    _check_date(dated)
    existing = Letter.objects.filter(school=school, half_term=half_term).first()
    if existing:
        raise LetterError(f"{school} already has a letter for {half_term.label}.")
    return Letter.objects.create(school=school, half_term=half_term, dated=dated, created_by=by)


@transaction.atomic
def letters_drafts_create(*, half_term: HalfTerm, by, dated: date | None = None) -> int:
    """A draft for every school that has no letter for the half-term yet. Returns how many were made.

    Without a `dated`, each letter is dated the day it is issued.
    """
    require(may_write(by), "Only the CEO can write letters.")
    _check_date(dated)
    have = set(Letter.objects.filter(half_term=half_term).values_list("school_id", flat=True))
    new = [
        Letter(school=school, half_term=half_term, dated=dated, created_by=by)
        for school in School.objects.exclude(pk__in=have)
    ]
    Letter.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def letter_update(*, letter: Letter, by, ceo_text: str, dated: date | None) -> Letter:
    """Change a draft's text and date (None: dated the day it is issued; never a date still to come)."""
    require(may_write(by, letter), "Only the CEO can change letters.")
    _check_date(dated)
    letter = _locked(letter)
    if letter.status != LetterStatus.DRAFT:
        raise LetterError("Only a draft can be changed. Return the letter to draft first.")
    letter.ceo_text = ceo_text.strip()
    letter.dated = dated
    letter.save(update_fields=["ceo_text", "dated"])
    return letter


@transaction.atomic
def letter_approve(*, letter: Letter, by, render: bool = True) -> Letter:
    """Approve a draft. Its PDF is made by a worker now, so that issuing is only sending.

    `render=False` is for the approve-all batch, whose per-letter task renders straight after.
    """
    from ..rendering import letter_pdf_for_current_content
    from ..tasks import render_letter_pdf

    require(may_approve(by, letter), "Only the CEO can approve letters.")
    letter = _locked(letter)
    _check_move(letter, LetterStatus.APPROVED)
    _check_decided(letter)
    _check_date(letter.dated)
    letter.status = LetterStatus.APPROVED
    letter.approved_by = by
    letter.approved_at = timezone.now()
    letter.save(update_fields=["status", "approved_by", "approved_at"])
    if render:
        pdf = letter_pdf_for_current_content(letter)
        if pdf.status != RenderStatus.READY:
            transaction.on_commit(lambda: enqueue(lambda: render_letter_pdf.delay(pdf.pk), what="a PDF"))
    return letter


@transaction.atomic
def letter_return_to_draft(*, letter: Letter, by) -> Letter:
    require(may_approve(by, letter), "Only the CEO can return letters to draft.")
    letter = _locked(letter)
    _check_move(letter, LetterStatus.DRAFT)
    letter.status = LetterStatus.DRAFT
    letter.approved_by = None
    letter.approved_at = None
    letter.save(update_fields=["status", "approved_by", "approved_at"])
    return letter


@transaction.atomic
def letter_issue(*, letter: Letter, by, queue_email: bool = True) -> Letter:
    """Send an approved letter: freeze its content and PDF, lock the half-term's categories, email on commit.

    It needs a ready PDF made from the data as it is now, so what was approved is what is sent; the
    approval made it, so issuing is only sending (`PdfNotReady` otherwise: make the PDF, then issue).
    `queue_email=False` is for a caller that sends the email itself once this has committed (an issue-all
    task); if it never does, the sweeper finds the email not sent and queues it.
    """
    from ..compose import content_hash, letter_content
    from ..tasks import send_letter_email

    require(may_issue(by, letter), "Only the CEO can issue letters.")
    letter = _locked(letter)
    _check_move(letter, LetterStatus.ISSUED)
    _check_date(letter.dated)
    content = letter_content(letter)
    pdf = LetterPdf.objects.filter(letter=letter, content_hash=content_hash(content)).first()
    if pdf is None or pdf.status != RenderStatus.READY:
        changed = pdf is None and letter.pdfs.filter(status=RenderStatus.READY).exists()
        raise PdfNotReady(
            "The data in this letter changed after its PDF was made. Make the PDF again first."
            if changed
            else "The letter's PDF is not ready yet. Wait for it to be made, or retry it."
        )
    letter.status = LetterStatus.ISSUED
    letter.issued_by = by
    letter.issued_at = timezone.now()
    letter.dated = letter.dated or timezone.localdate()  # what the composed content printed
    letter.content = pdf.content
    letter.issued_pdf = pdf
    letter.save(update_fields=["status", "issued_by", "issued_at", "dated", "content", "issued_pdf"])
    # The categories this letter states have now gone out: later changes are corrections with a reason.
    categorisations_lock(school=letter.school, half_term=letter.half_term, by=by)
    record_append(actor=by, event="letter.issued", subject=letter, changes={"pdf": pdf.content_hash})
    # If the queue is down the letter is still issued; the sweeper queues its email once it is back.
    if queue_email:
        transaction.on_commit(lambda: enqueue(lambda: send_letter_email.delay(letter.pk), what="an email"))
    return letter


@transaction.atomic
def letter_acknowledge(*, letter: Letter, by) -> Letter:
    """The head confirms they have received and read the letter."""
    letter = _locked(letter)
    require(
        may_acknowledge(by, letter), f"Only the headteacher of {letter.school} can acknowledge this letter."
    )
    _check_move(letter, LetterStatus.ACKNOWLEDGED)
    letter.status = LetterStatus.ACKNOWLEDGED
    letter.acknowledged_by = by
    letter.acknowledged_at = timezone.now()
    letter.save(update_fields=["status", "acknowledged_by", "acknowledged_at"])
    return letter


@transaction.atomic
def letter_correct(*, letter: Letter, by, reason: str) -> Letter:
    """Start a corrected version of a sent letter; the sent one stays as it was, as a record."""
    require(may_write(by, letter), "Only the CEO can correct letters.")
    letter = _locked(letter)
    if not letter.is_sent:
        raise LetterError("Only a sent letter is corrected by a new version; change the draft instead.")
    if Letter.objects.filter(corrects=letter).exists():
        raise LetterError("This letter already has a corrected version. Correct that one instead.")
    if not reason.strip():
        raise LetterError("Say what the correction is for; it is printed on the new version.")
    corrected = Letter.objects.create(
        school=letter.school,
        half_term=letter.half_term,
        version=letter.version + 1,
        corrects=letter,
        correction_reason=reason.strip(),
        dated=None,  # dated the day it is issued
        ceo_text=letter.ceo_text,
        created_by=by,
    )
    record_append(actor=by, event="letter.corrected", subject=letter, changes={"reason": reason.strip()})
    return corrected
