"""The approve-all and issue-all batches, run end to end by a real Celery worker."""

import pytest

from letters.errors import LetterError
from letters.models import BatchKind, EmailStatus, Letter, LetterPdf, LetterStatus, RenderStatus
from letters.selectors import batch_progress
from letters.services import directive_set, letter_batch_start
from tests.letters.factories import decide_all, draft_letter, half_term
from tests.letters.worker import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def finished(batch):
    return lambda: not batch_progress(batch)["running"]


def test_a_worker_approves_renders_issues_and_emails_a_half_terms_letters(world, celery_worker):
    letters = [draft_letter(world.school_a, world.ceo), draft_letter(world.school_b, world.ceo)]
    directive_set(letter=letters[0], text="Ensure the SCR is complete", by=world.ceo)
    for school in (world.school_a, world.school_b):
        decide_all(school, world.ceo)

    approving = letter_batch_start(kind=BatchKind.APPROVE, half_term=half_term(), by=world.ceo)
    wait_for(finished(approving), worker=celery_worker, what="approve-all")
    assert batch_progress(approving)["done"] == 2, batch_progress(approving)
    assert LetterPdf.objects.filter(status=RenderStatus.READY).count() == 2
    with pytest.raises(LetterError, match="no draft letters"):
        letter_batch_start(kind=BatchKind.APPROVE, half_term=half_term(), by=world.ceo)

    issuing = letter_batch_start(kind=BatchKind.ISSUE, half_term=half_term(), by=world.ceo, confirmed_count=2)
    wait_for(finished(issuing), worker=celery_worker, what="issue-all")
    wait_for(
        lambda: not Letter.objects.exclude(email_status=EmailStatus.SENT).exists(),
        worker=celery_worker,
        what="the emails",
    )
    assert set(Letter.objects.values_list("status", flat=True)) == {LetterStatus.ISSUED}
    assert LetterPdf.objects.count() == 2, "issuing sends what was rendered on approval; nothing is re-made"
    emails = celery_worker.emails()
    assert len(emails) == 2
    assert "head.a@trust.example" in emails[0] + emails[1]
    assert f"/letters/{letters[0].pk}/" in "".join(emails)
    with pytest.raises(LetterError, match="no approved letters"):
        letter_batch_start(kind=BatchKind.ISSUE, half_term=half_term(), by=world.ceo, confirmed_count=0)
