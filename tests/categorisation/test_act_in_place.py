"""The vote's short path: opened with the opener's own vote and back to the half-term screen; closed from the
to-do page and back there. And the half-term screen's Save at the top as well as the bottom."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from categorisation.models import Choice, Vote, VoteStatus
from tests.categorisation.factories import level
from tests.categorisation.test_votes import everyone_votes, open_vote


def test_the_ceo_opens_a_vote_with_their_own_vote_and_returns_to_the_half_term_screen(
    world, client_as, aut2, poor_school
):
    back = f"{reverse('categorisation:decide')}?half_term={aut2.pk}"
    response = client_as(world.ceo).post(
        reverse("categorisation:vote_new", args=[world.school_a.urn]),
        {
            "dimension": "education",
            "proposed_level": level("education", "unacceptable").pk,
            "motion": "Targets missed.",
            "closes_on": (timezone.localdate() + timedelta(days=7)).isoformat(),
            "my_vote": Choice.FOR,
            "next": back,
        },
    )
    assert response.status_code == 302 and response.url == back
    vote = Vote.objects.get()
    assert vote.members.get(person=world.ceo).choice == Choice.FOR
    assert not vote.members.exclude(person=world.ceo).exclude(choice="").exists()


def test_a_vote_everyone_has_voted_on_is_closed_from_the_to_do_page_and_returns_there(
    world, client_as, aut2, poor_school
):
    vote = open_vote(world, aut2)
    everyone_votes(vote)
    client = client_as(world.ceo)
    close = reverse("categorisation:vote_close", args=[vote.pk])
    assert f'action="{close}"' in client.get(reverse("todo:list")).content.decode()
    response = client.post(close, {"next": reverse("todo:list")})
    assert response.url == reverse("todo:list")
    vote.refresh_from_db()
    assert vote.status == VoteStatus.CARRIED


def test_the_half_term_screen_has_a_save_button_at_the_top_as_well_as_the_bottom(world, client_as, aut2):
    page = (
        client_as(world.ceo).get(f"{reverse('categorisation:decide')}?half_term={aut2.pk}").content.decode()
    )
    top = page.index('<button type="submit" class="button">Save the decisions</button>')
    assert top < page.index("<table") < page.index(f"Save the decisions for {aut2.label}</button>")
