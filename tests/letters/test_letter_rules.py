"""The trust's rules for letters: decided categories before approval, issue-all confirmed, honest dates."""

from datetime import timedelta

import pytest
from django.utils import timezone

from letters.compose import long_date
from letters.errors import LetterError
from letters.models import BatchKind, Letter, LetterBatch, LetterStatus
from letters.services import letter_approve, letter_batch_start, letter_issue, letter_update
from tests.categorisation.factories import CategorisationFactory, level
from tests.letters.factories import approved_letter, decide_all, draft_letter, half_term, ready_pdf

pytestmark = pytest.mark.django_db


def test_approving_a_letter_with_an_undecided_category_is_refused_with_what_is_missing(world):
    letter = draft_letter(world.school_a, world.ceo)
    CategorisationFactory(
        school=world.school_a,
        half_term=half_term(),
        level=level("education", "universal"),
        decided_by=world.ceo,
    )
    with pytest.raises(LetterError) as refused:
        letter_approve(letter=letter, by=world.ceo)
    assert "Finance and Site & H&S categories are not decided for Aut 2, 2026" in refused.value.messages[0]
    letter.refresh_from_db()
    assert letter.status == LetterStatus.DRAFT and not letter.pdfs.exists()


def test_the_approve_button_says_why_a_letter_cannot_be_approved_yet(world, client_as):
    letter = draft_letter(world.school_a, world.ceo)
    page = client_as(world.ceo).get(f"/letters/{letter.pk}/").content.decode()
    assert "Before this letter can be approved, decide Ashdown Primary Academy's Education" in page
    assert ">Approve</button>" not in page
    page = client_as(world.ceo).post(f"/letters/{letter.pk}/approve/", follow=True).content.decode()
    assert "Education, Finance and Site &amp; H&amp;S categories are not decided" in page
    letter.refresh_from_db()
    assert letter.status == LetterStatus.DRAFT


def test_approve_all_approves_the_decided_letters_and_says_which_were_left_and_why(
    world, client_as, django_capture_on_commit_callbacks
):
    ready = draft_letter(world.school_a, world.ceo)
    left = draft_letter(world.school_b, world.ceo)
    decide_all(world.school_a, world.ceo)
    with django_capture_on_commit_callbacks():
        response = client_as(world.ceo).post(
            f"/letters/half-terms/{half_term().pk}/approve-all/", follow=True
        )
    page = response.content.decode()
    assert "Left as a draft: Brookfield Primary&#x27;s Education, Finance and Site &amp; H&amp;S" in page
    batch = LetterBatch.objects.get()
    assert list(batch.items.values_list("letter_id", flat=True)) == [ready.pk]
    assert left.pk not in batch.items.values_list("letter_id", flat=True)


def test_approve_all_with_nothing_decided_approves_nothing_and_says_why(world):
    draft_letter(world.school_a, world.ceo)
    with pytest.raises(LetterError) as refused:
        letter_batch_start(kind=BatchKind.APPROVE, half_term=half_term(), by=world.ceo)
    assert refused.value.messages[0] == "Nothing was approved."
    assert "Ashdown Primary Academy's Education, Finance and Site & H&S" in refused.value.messages[1]
    assert not LetterBatch.objects.exists()


def test_issue_all_asks_first_saying_how_many_letters_go_to_how_many_people(world, client_as):
    approved_letter(world.school_a, world.ceo)  # head A and LSB chair A
    approved_letter(world.school_b, world.ceo)  # head B
    page = client_as(world.ceo).get(f"/letters/half-terms/{half_term().pk}/issue-all/").content.decode()
    assert "Issue 2 letters to 3 people?" in page
    assert "Yes, issue 2 letters to 3 people" in page
    assert "head.a@trust.example, lsb.a@trust.example" in page
    assert not LetterBatch.objects.exists(), "showing the question sends nothing"


def test_issue_all_without_the_confirmation_sends_nothing(
    world, client_as, mailoutbox, django_capture_on_commit_callbacks
):
    letter = approved_letter(world.school_a, world.ceo)
    ready_pdf(letter)
    url = f"/letters/half-terms/{half_term().pk}/issue-all/"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        unconfirmed = client_as(world.ceo).post(url, follow=True)
        stale = client_as(world.ceo).post(url, {"letters": "2"}, follow=True)
    assert "Nothing was sent: confirm how many letters" in unconfirmed.content.decode()
    assert "you confirmed 2 letters, but 1 is now waiting" in stale.content.decode()
    assert callbacks == [] and mailoutbox == []
    assert not LetterBatch.objects.exists()
    letter.refresh_from_db()
    assert letter.status == LetterStatus.APPROVED and letter.issued_at is None
    with pytest.raises(LetterError, match="Nothing was sent"):
        letter_batch_start(kind=BatchKind.ISSUE, half_term=half_term(), by=world.ceo)


def test_issue_all_with_the_confirmation_starts_the_batch(
    world, client_as, django_capture_on_commit_callbacks
):
    letter = approved_letter(world.school_a, world.ceo)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client_as(world.ceo).post(
            f"/letters/half-terms/{half_term().pk}/issue-all/", {"letters": "1"}
        )
    batch = LetterBatch.objects.get()
    assert response.url == f"/letters/batches/{batch.pk}/"
    assert list(batch.items.values_list("letter_id", flat=True)) == [letter.pk] and len(callbacks) == 1


def test_an_undated_letter_is_dated_the_day_it_is_issued(world, django_capture_on_commit_callbacks):
    letter = approved_letter(world.school_a, world.ceo)
    assert letter.dated is None
    ready_pdf(letter)
    with django_capture_on_commit_callbacks():
        letter_issue(letter=letter, by=world.ceo)
    letter.refresh_from_db()
    assert letter.dated == timezone.localdate()
    assert letter.content["dated"] == long_date(timezone.localdate())


def test_a_letter_never_carries_a_date_that_has_not_come(world, client_as):
    tomorrow = timezone.localdate() + timedelta(days=1)
    letter = draft_letter(world.school_a, world.ceo)
    with pytest.raises(LetterError, match="that date has not come yet"):
        letter_update(letter=letter, by=world.ceo, ceo_text="x", dated=tomorrow)
    page = client_as(world.ceo).post(
        f"/letters/{letter.pk}/edit/", {"dated": tomorrow.strftime("%d/%m/%Y"), "ceo_text": "Kept text"}
    )
    text = page.content.decode()
    assert "must be today or in the past" in text and "Kept text" in text
    # A date set before this rule (or by another route) is refused when the letter would go out.
    Letter.objects.filter(pk=letter.pk).update(dated=tomorrow, status=LetterStatus.APPROVED)
    letter.refresh_from_db()
    ready_pdf(letter)
    with pytest.raises(LetterError, match="has not come yet"):
        letter_issue(letter=letter, by=world.ceo)
