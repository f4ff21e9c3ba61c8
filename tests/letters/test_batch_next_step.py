"""A finished approve-all offers issue-all on the same page (its progress says what issue-all would send);
a finished issue-all links to the letters list, which says who acknowledged and how each run ended."""

from django.urls import reverse
from django.utils import timezone

from letters.models import BatchKind, ItemStatus, LetterBatchItem, LetterStatus
from tests.letters.factories import approved_letter, batch, half_term, sent_letter


def test_a_finished_approve_all_offers_issue_all_with_how_many_letters_go_to_how_many_people(
    world, client_as
):
    letter = approved_letter(world.school_a, world.ceo)
    run = batch(world, BatchKind.APPROVE)
    LetterBatchItem.objects.create(batch=run, letter=letter, status=ItemStatus.DONE)
    client = client_as(world.ceo)

    progress = client.get(reverse("letters:batch_progress", args=[run.pk])).json()
    assert not progress["running"] and progress["issue"] == {"letters": 1, "people": 2}
    page = client.get(reverse("letters:batch_detail", args=[run.pk])).content.decode()
    assert "Yes, issue 1 letter to 2 people" in page
    assert reverse("letters:issue_all", args=[run.half_term_id]) in page


def test_a_running_approve_all_says_nothing_of_issue_all_yet(world, client_as):
    letter = approved_letter(world.school_a, world.ceo)
    run = batch(world, BatchKind.APPROVE)
    LetterBatchItem.objects.create(batch=run, letter=letter, status=ItemStatus.PENDING)
    progress = client_as(world.ceo).get(reverse("letters:batch_progress", args=[run.pk])).json()
    assert progress["running"] and progress["issue"] is None


def test_the_letters_list_says_who_acknowledged_and_how_the_last_run_ended(world, client_as):
    letter = sent_letter(world.school_a, world.ceo, term=half_term())
    letter.status, letter.acknowledged_by, letter.acknowledged_at = (
        LetterStatus.ACKNOWLEDGED,
        world.head_a,
        timezone.now(),
    )
    letter.save()
    run = batch(world, BatchKind.ISSUE)
    LetterBatchItem.objects.create(batch=run, letter=letter, status=ItemStatus.DONE)
    page = client_as(world.ceo).get(f"{reverse('letters:list')}?half_term={letter.half_term_id}")
    html = page.content.decode()
    assert f"by {world.head_a}" in html
    assert "1 of 1 done." in html
