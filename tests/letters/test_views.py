from datetime import date

import pytest

from accounts.models import AccessRecord
from letters.models import BatchKind, DirectiveStatus, ItemStatus, LetterBatchItem, LetterStatus
from tests.letters.factories import batch, decide_all, directive, draft_letter, sent_letter

pytestmark = pytest.mark.django_db


def test_a_head_reads_and_acknowledges_their_letter(world, client_as):
    letter = sent_letter(world.school_a, world.ceo)
    client = client_as(world.head_a)
    page = client.get(f"/letters/{letter.pk}/").content.decode()
    assert "Acknowledge receipt" in page and "Download the PDF" in page
    response = client.post(f"/letters/{letter.pk}/acknowledge/", follow=True)
    assert "receipt acknowledged" in response.content.decode()
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ACKNOWLEDGED and letter.acknowledged_by == world.head_a


def test_downloading_the_pdf_is_recorded(world, client_as):
    letter = sent_letter(world.school_a, world.ceo)
    response = client_as(world.lsb_chair_a).get(f"/letters/{letter.pk}/pdf/")
    assert response["Content-Disposition"].startswith("attachment")
    record = AccessRecord.objects.get()
    assert (record.person, record.action, record.object_id) == (
        world.lsb_chair_a,
        "downloaded",
        str(letter.pk),
    )


def test_a_head_does_not_see_draft_letters_or_their_directives(world, client_as):
    draft = draft_letter(world.school_a, world.ceo)
    directive(draft, world.ceo, text="A draft directive")
    page = client_as(world.head_a).get(f"/letters/schools/{world.school_a.urn}/").content.decode()
    assert "A draft directive" not in page and "No letters yet." in page


def test_the_report_done_form_says_what_to_fix_and_keeps_what_was_typed(world, client_as):
    d = directive(sent_letter(world.school_a, world.ceo), world.ceo)
    response = client_as(world.head_a).post(
        f"/letters/directives/{d.pk}/report/", {"what_was_done": "Checked every file", "done_on": "31/2/2026"}
    )
    page = response.content.decode()
    assert "There is a problem" in page and "Enter a real date, like 27/3/2026." in page
    assert "Checked every file" in page


def test_a_head_reports_a_directive_done_and_the_ceo_returns_then_accepts_it(world, client_as):
    d = directive(sent_letter(world.school_a, world.ceo), world.ceo)
    client_as(world.head_a).post(
        f"/letters/directives/{d.pk}/report/", {"what_was_done": "Checked every file", "done_on": "1/11/2026"}
    )
    d.refresh_from_db()
    assert d.status == DirectiveStatus.REPORTED_DONE
    ceo = client_as(world.ceo)
    ceo.post(f"/letters/directives/{d.pk}/return/", {"reason": "Two files lack DBS dates"})
    d.refresh_from_db()
    assert d.status == DirectiveStatus.RETURNED
    page = client_as(world.head_a).get(f"/letters/schools/{world.school_a.urn}/").content.decode()
    assert "Two files lack DBS dates" in page and "Report done" in page
    client_as(world.head_a).post(
        f"/letters/directives/{d.pk}/report/",
        {"what_was_done": "Added", "done_on": date(2026, 11, 2).isoformat()},
    )
    client_as(world.ceo).post(f"/letters/directives/{d.pk}/accept/")
    d.refresh_from_db()
    assert d.status == DirectiveStatus.CLOSED


def test_the_progress_endpoint_reports_counts_and_failures(world, client_as):
    b = batch(world, BatchKind.ISSUE)
    LetterBatchItem.objects.create(
        batch=b, letter=draft_letter(world.school_a, world.ceo), status=ItemStatus.DONE
    )
    LetterBatchItem.objects.create(
        batch=b, letter=draft_letter(world.school_b, world.ceo), status=ItemStatus.FAILED, error="No PDF"
    )
    data = client_as(world.ceo).get(f"/letters/batches/{b.pk}/progress/").json()
    assert data["total"] == 2 and data["done"] == 1 and data["failed"] == 1 and not data["running"]
    assert data["failures"] == [{"school": "Brookfield Primary", "error": "No PDF"}]
    page = client_as(world.ceo).get(f"/letters/batches/{b.pk}/").content.decode()
    assert "Try the failed letters again" in page and "<script>" not in page


def test_the_ceo_half_term_page_offers_the_batch_actions(world, client_as):
    draft_letter(world.school_a, world.ceo)
    term = draft_letter(world.school_b, world.ceo).half_term_id
    decide_all(world.school_a, world.ceo)
    text = client_as(world.ceo).get(f"/letters/?half_term={term}").content.decode()
    assert "Approve all 1 draft that can be" in text
    assert "1 draft cannot be approved yet" in text
    decide_all(world.school_b, world.ceo)
    text = client_as(world.ceo).get(f"/letters/?half_term={term}").content.decode()
    assert "Approve all 2 drafts</button>" in text and "cannot be approved yet" not in text
    assert "Approve all" not in client_as(world.cfo).get("/letters/").content.decode()
