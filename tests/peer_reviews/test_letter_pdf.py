"""The findings letter is a frozen PDF record: made once from the content frozen when it was issued,
with its checksum, and never changed by what happens to the review afterwards."""

import hashlib
import subprocess

import pytest
from django.core.files.storage import default_storage

from peer_reviews.document import letter_pdf_render
from peer_reviews.models import ReviewLetterPdf, ReviewQuestion
from tests.letters.worker import wait_for
from tests.peer_reviews import scenario
from trust_portal.pdf_records import RenderStatus


def _pdftotext(name):
    with default_storage.open(name, "rb") as pdf:
        data = pdf.read()
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout
    return data, text.decode()


def test_the_letter_states_the_findings_against_each_question_and_nothing_from_the_day(world):
    review = scenario.letter_issued(world)
    letter = ReviewLetterPdf.objects.get(review=review)
    assert letter.status == RenderStatus.READY
    data, text = _pdftotext(letter.file.name)
    assert hashlib.sha256(data).hexdigest() == letter.sha256
    assert letter.size == len(data)
    flat = " ".join(text.split())
    assert f"Peer review findings: {world.school_a.name}" in flat
    for question in scenario.QUESTIONS:
        assert question in flat
    assert "Strength for question 1: CONFIDENTIAL-STRENGTH" in flat
    assert "Future focus 2: CONFIDENTIAL-FOCUS" in flat
    assert "Strategies and solutions are not given" in flat
    # The day's notes and the as-expected answer stay out of the letter.
    assert "phonics lessons" not in flat
    assert "as expected" not in flat


def test_the_letters_checksum_is_unchanged_after_the_review_changes(world, client_as):
    review = scenario.letter_issued(world)
    letter = ReviewLetterPdf.objects.get(review=review)
    sha256, file_name, made_at = letter.sha256, letter.file.name, letter.made_at
    ReviewQuestion.objects.filter(review=review).update(strengths="Rewritten afterwards", text="Changed?")
    review.focus_area = "Something else"
    review.save()
    again = letter_pdf_render(pdf_id=letter.pk)  # a second task run leaves a ready record alone
    assert (again.sha256, again.file.name, again.made_at) == (sha256, file_name, made_at)
    _, text = _pdftotext(file_name)
    assert "Rewritten afterwards" not in text
    page = client_as(world.head_a).get(f"/peer-reviews/{review.pk}/letter/").content.decode()
    assert "CONFIDENTIAL-STRENGTH" in page
    assert "Rewritten afterwards" not in page


def test_issuing_the_letter_queues_its_render_after_the_commit(world, django_capture_on_commit_callbacks):
    review = scenario.findings_written(world)
    from peer_reviews import services

    with django_capture_on_commit_callbacks() as callbacks:
        services.review_letter_issue(review=review, results_as_expected=True, by=world.ceo)
    assert len(callbacks) == 1
    assert ReviewLetterPdf.objects.get(review=review).status == RenderStatus.PENDING


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_makes_the_issued_letter_once(world, celery_worker):
    letter = ReviewLetterPdf.objects.get(review=scenario.letter_issued(world, render=False))
    wait_for(
        lambda: ReviewLetterPdf.objects.get(pk=letter.pk).status == RenderStatus.READY,
        worker=celery_worker, what="the peer review letter",
    )  # fmt: skip
    letter.refresh_from_db()
    data, text = _pdftotext(letter.file.name)
    assert hashlib.sha256(data).hexdigest() == letter.sha256
    assert (letter.attempts, "CONFIDENTIAL-STRENGTH" in text) == (1, True)
