import pytest

from letters.errors import LetterError
from letters.models import BatchKind, ItemStatus, Letter, LetterBatchItem, LetterStatus
from letters.rendering import letter_pdf_for_current_content
from letters.services import (
    letter_acknowledge,
    letter_approve,
    letter_batch_start,
    letter_correct,
    letter_issue,
    letter_update,
    letters_drafts_create,
)
from letters.tasks import run_batch_item, send_letter_email
from tests.letters.factories import (
    approved_letter,
    decide_all,
    draft_letter,
    half_term,
    ready_pdf,
    sent_letter,
)

pytestmark = pytest.mark.django_db


def test_the_ceo_starts_one_draft_per_school_and_only_once(world):
    assert letters_drafts_create(half_term=half_term(), by=world.ceo) == 2
    assert letters_drafts_create(half_term=half_term(), by=world.ceo) == 0
    assert Letter.objects.filter(half_term=half_term()).count() == 2


def test_only_the_ceo_writes_letters(world):
    with pytest.raises(LetterError, match="Only the CEO can write letters"):
        letters_drafts_create(half_term=half_term(), by=world.cfo)


def test_approving_a_letter_asks_a_worker_for_its_pdf_after_commit(world, django_capture_on_commit_callbacks):
    letter = draft_letter(world.school_a, world.ceo)
    decide_all(world.school_a, world.ceo)
    with django_capture_on_commit_callbacks() as callbacks:
        letter_approve(letter=letter, by=world.ceo)
    assert len(callbacks) == 1
    letter.refresh_from_db()
    assert letter.status == LetterStatus.APPROVED and letter.approved_by == world.ceo


def test_an_approved_letter_cannot_be_edited(world):
    letter = approved_letter(world.school_a, world.ceo)
    with pytest.raises(LetterError, match="Only a draft can be changed"):
        letter_update(letter=letter, by=world.ceo, ceo_text="x", dated=letter.dated)


def test_a_letter_is_issued_only_with_a_ready_pdf_of_its_current_data(
    world, django_capture_on_commit_callbacks
):
    letter = approved_letter(world.school_a, world.ceo)
    pending = letter_pdf_for_current_content(letter)
    with pytest.raises(LetterError, match="PDF is not ready yet"):
        letter_issue(letter=letter, by=world.ceo)
    pending.delete()
    pdf = ready_pdf(letter)
    world.school_a.pupils_on_roll = 301
    world.school_a.save()
    with pytest.raises(LetterError, match="changed after its PDF was made"):
        letter_issue(letter=letter, by=world.ceo)
    world.school_a.pupils_on_roll = 300
    world.school_a.save()
    with django_capture_on_commit_callbacks() as callbacks:
        letter_issue(letter=letter, by=world.ceo)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ISSUED
    assert letter.content == pdf.content and letter.issued_pdf == pdf
    assert len(callbacks) == 1, "the email is sent by a task after commit"


def test_an_issued_letter_shows_what_was_sent_even_when_the_data_changes(world, client_as):
    letter = sent_letter(world.school_a, world.ceo)
    world.school_a.pupils_on_roll = 999
    world.school_a.save()
    response = client_as(world.head_a).get(f"/letters/{letter.pk}/")
    assert "School: 300" in response.content.decode()


def test_only_the_head_acknowledges_and_only_once(world):
    letter = sent_letter(world.school_a, world.ceo)
    with pytest.raises(LetterError, match="Only the headteacher of Ashdown"):
        letter_acknowledge(letter=letter, by=world.lsb_chair_a)
    letter_acknowledge(letter=letter, by=world.head_a)
    with pytest.raises(LetterError, match="acknowledged, so it cannot be made acknowledged"):
        letter_acknowledge(letter=letter, by=world.head_a)


def test_a_correction_is_a_new_version_with_a_reason_and_the_sent_letter_stays(world):
    letter = sent_letter(world.school_a, world.ceo)
    with pytest.raises(LetterError, match="Say what the correction is for"):
        letter_correct(letter=letter, by=world.ceo, reason="")
    correction = letter_correct(letter=letter, by=world.ceo, reason="The outturn was misprinted")
    assert (correction.version, correction.status, correction.corrects) == (2, LetterStatus.DRAFT, letter)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ISSUED
    with pytest.raises(LetterError, match="already has a corrected version"):
        letter_correct(letter=letter, by=world.ceo, reason="again")


def test_an_issue_task_run_twice_issues_and_emails_once(
    world, media, mailoutbox, django_capture_on_commit_callbacks
):
    letter = approved_letter(world.school_a, world.ceo)
    ready_pdf(letter)
    with django_capture_on_commit_callbacks():
        batch = letter_batch_start(
            kind=BatchKind.ISSUE, half_term=half_term(), by=world.ceo, confirmed_count=1
        )
    item = batch.items.get()
    with django_capture_on_commit_callbacks(execute=True):
        run_batch_item(item.pk)
        run_batch_item(item.pk)
    send_letter_email(letter.pk)
    item.refresh_from_db()
    assert item.status == ItemStatus.DONE
    assert len(mailoutbox) == 1
    assert sorted(mailoutbox[0].to) == ["head.a@trust.example", "lsb.a@trust.example"]
    assert "/letters/" in mailoutbox[0].body and "%PDF" not in mailoutbox[0].body


def test_a_second_approve_all_leaves_letters_already_in_a_running_batch(
    world, django_capture_on_commit_callbacks
):
    draft_letter(world.school_a, world.ceo)
    decide_all(world.school_a, world.ceo)
    with django_capture_on_commit_callbacks():
        first = letter_batch_start(kind=BatchKind.APPROVE, half_term=half_term(), by=world.ceo)
    with pytest.raises(LetterError, match="no draft letters"):
        letter_batch_start(kind=BatchKind.APPROVE, half_term=half_term(), by=world.ceo)
    assert LetterBatchItem.objects.filter(batch=first).count() == 1


def test_a_failed_render_is_recorded_on_the_batch_and_retried(
    world, media, monkeypatch, django_capture_on_commit_callbacks
):
    import trust_portal.pdf_records

    letter = draft_letter(world.school_a, world.ceo)
    decide_all(world.school_a, world.ceo)

    def broken(html):
        raise RuntimeError("layout engine fell over")

    monkeypatch.setattr(trust_portal.pdf_records, "render_pdf", broken)
    with django_capture_on_commit_callbacks():
        batch = letter_batch_start(kind=BatchKind.APPROVE, half_term=half_term(), by=world.ceo)
    item = batch.items.get()
    run_batch_item(item.pk)
    item.refresh_from_db()
    assert item.status == ItemStatus.FAILED
    assert "layout engine fell over" in item.error
    monkeypatch.undo()
    from letters.services import letter_batch_retry

    with django_capture_on_commit_callbacks():
        letter_batch_retry(batch=batch, by=world.ceo)
    run_batch_item(item.pk)
    item.refresh_from_db()
    letter.refresh_from_db()
    assert item.status == ItemStatus.DONE and letter.status == LetterStatus.APPROVED
    assert letter.pdfs.get().is_ready


def test_issuing_a_letter_locks_the_half_terms_categories(world, django_capture_on_commit_callbacks):
    from categorisation.models import Categorisation
    from tests.letters.front_page import front_page_letter

    letter = front_page_letter(world)
    Letter.objects.filter(pk=letter.pk).update(status=LetterStatus.APPROVED)
    ready_pdf(letter)
    with django_capture_on_commit_callbacks():
        letter_issue(letter=letter, by=world.ceo)
    locked = Categorisation.objects.filter(school=world.school_a, half_term=letter.half_term)
    assert locked.count() == 3 and all(c.locked_by == world.ceo for c in locked)


def test_an_issue_task_remakes_the_pdf_when_the_data_changed_after_approval(
    world, media, mailoutbox, django_capture_on_commit_callbacks
):
    letter = approved_letter(world.school_a, world.ceo)
    old = ready_pdf(letter)
    world.school_a.pupils_on_roll = 333
    world.school_a.save()
    with django_capture_on_commit_callbacks():
        batch = letter_batch_start(
            kind=BatchKind.ISSUE, half_term=half_term(), by=world.ceo, confirmed_count=1
        )
    with django_capture_on_commit_callbacks():
        run_batch_item(batch.items.get().pk)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ISSUED
    assert letter.issued_pdf != old and letter.content["pupils"]["on_roll"] == 333
