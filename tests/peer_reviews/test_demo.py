"""The demo trust holds one completed peer review with its frozen letter, and one upcoming."""

import subprocess

import pytest

from peer_reviews import demo
from peer_reviews.models import PeerReview, ReviewStatus
from schools import demo as schools_demo
from trust_portal.pdf_records import RenderStatus

pytestmark = pytest.mark.django_db


def test_the_demo_holds_a_completed_review_with_its_letter_and_an_upcoming_one_and_runs_twice():
    schools_demo.load()
    demo.load()
    demo.load()
    completed = PeerReview.objects.get(status=ReviewStatus.COMPLETED)
    upcoming = PeerReview.objects.exclude(pk=completed.pk).get()
    assert completed.school.name == "Ashdown Primary Academy"
    assert completed.members.count() == 6
    assert completed.letter.status == RenderStatus.READY
    assert (upcoming.school.name, upcoming.status) == ("Castle Hill Primary", ReviewStatus.FOCUS_SENT)
    with completed.letter.file.open("rb") as pdf:
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf.read(), capture_output=True, check=True)
    assert "Peer review findings: Ashdown Primary Academy" in text.stdout.decode()
