"""The letters' downloads: each letter's issue, email and acknowledgement state."""

from django.urls import reverse
from django.utils import timezone

from letters.models import EmailStatus, Letter, LetterStatus
from letters.services import letter_acknowledge
from schools.models import HalfTermNumber
from tests.downloads import as_dicts, download, table
from tests.letters.factories import approved_letter, draft_letter, half_term, sent_letter

AUT_1 = (2026, HalfTermNumber.AUTUMN_1)


def test_the_half_terms_letters_download_says_where_each_letter_is(world, client_as):
    acknowledged = sent_letter(world.school_a, world.ceo)
    Letter.objects.filter(pk=acknowledged.pk).update(email_status=EmailStatus.SENT, emailed_at=timezone.now())
    letter_acknowledge(letter=acknowledged, by=world.head_a)
    failed = sent_letter(world.school_b, world.ceo)
    Letter.objects.filter(pk=failed.pk).update(email_status=EmailStatus.FAILED, email_error="Mailbox full")
    draft_letter(world.school_a, world.ceo)  # Aut 2: another half-term, not in this download
    url = reverse("letters:list_export")
    for fmt in ("csv", "xlsx"):
        rows = as_dicts(table(download(client_as(world.trustee), url, fmt, half_term=half_term(*AUT_1).pk)))
        assert [r["School"] for r in rows] == [world.school_a.name, world.school_b.name]
        a, b = rows
        assert a["Status"] == "Acknowledged" and a["Email"] == "Sent" and a["Emailed at"]
        assert a["Acknowledged by"] == str(world.head_a) and a["Acknowledged at"]
        assert a["Issued by"] == str(world.ceo) and a["Issued at"] and a["PDF"] == "Ready"
        assert b["Status"] == "Issued" and b["Email"] == "Failed" and b["Email error"] == "Mailbox full"
        assert b["Acknowledged at"] in ("", None) and b["Half-term"] == "Aut 1, 2026"


def test_a_draft_and_an_approved_letter_show_no_issue_yet(world, client_as):
    draft_letter(world.school_a, world.ceo)
    approved_letter(world.school_b, world.ceo)
    rows = as_dicts(
        table(download(client_as(world.ceo), reverse("letters:list_export"), half_term=half_term().pk))
    )
    assert [(r["Status"], r["PDF"], r["Email"]) for r in rows] == [
        (LetterStatus.DRAFT.label, "Not made yet", "Not sent"),
        (LetterStatus.APPROVED.label, "Not made yet", "Not sent"),
    ]
    assert rows[1]["Approved by"] == str(world.ceo) and rows[0]["Issued at"] == ""


def test_the_lists_link_to_their_downloads(world, client_as):
    term = half_term()
    page = client_as(world.ceo).get(reverse("letters:list"), {"half_term": term.pk}).content.decode()
    assert f"{reverse('letters:list_export')}?half_term={term.pk}&amp;format=xlsx" in page
    school_page = client_as(world.head_a).get(reverse("letters:school_letters", args=[world.school_a.urn]))
    assert f"{reverse('letters:school_letters_export', args=[world.school_a.urn])}?format=csv" in (
        school_page.content.decode()
    )
