"""Issuing and correcting a letter are appended to the hash-chained record (records app)."""

from letters.services import letter_correct, letter_issue
from records.chain import verify_chain
from records.models import Entry
from tests.letters.factories import approved_letter, ready_pdf


def test_issuing_and_correcting_a_letter_are_on_the_record(world):
    letter = approved_letter(world.school_a, world.ceo)
    pdf = ready_pdf(letter)
    letter_issue(letter=letter, by=world.ceo)
    letter_correct(letter=letter, by=world.ceo, reason="The outturn was misprinted")
    issued, corrected = Entry.objects.filter(event__startswith="letter.")
    assert (issued.event, issued.subject_id, issued.changes) == (
        "letter.issued",
        str(letter.pk),
        {"pdf": pdf.content_hash},
    )
    assert (corrected.event, corrected.changes) == (
        "letter.corrected",
        {"reason": "The outturn was misprinted"},
    )
    assert issued.actor == world.ceo and verify_chain().ok
