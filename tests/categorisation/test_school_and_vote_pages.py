from django.urls import reverse

from categorisation.models import Categorisation, FinanceFigures, VoteStatus
from categorisation.services import vote_open
from tests.categorisation.factories import CategorisationFactory, level


def test_the_school_page_shows_the_decisions_with_their_rationale(world, client_as, aut1, aut2):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "concerning"),
                          rationale="Concerning LA report on phonics.")  # fmt: skip
    page = (
        client_as(world.head_a)
        .get(reverse("categorisation:school", args=[world.school_a.urn]))
        .content.decode()
    )
    assert "Concerning LA report on phonics." in page
    assert "Enter finance figures" not in page  # a head reads, the CFO enters


def test_the_finance_form_says_what_to_enter_and_keeps_what_was_typed(world, client_as, aut2):
    url = reverse("categorisation:finance", args=[world.school_a.urn, aut2.pk])
    response = client_as(world.cfo).post(url, {"gag": "lots", "reserves": "62500"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the GAG as a number of pounds, like 44000." in page
    assert "Enter the predicted in-year outturn, in pounds, like 44000." in page
    assert 'value="62500"' in page
    assert not FinanceFigures.objects.exists()


def test_a_vote_page_shows_the_nolan_principles_and_the_members_record_their_votes(
    world, client_as, aut1, aut2
):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "poor"))
    vote = vote_open(school=world.school_a, half_term=aut2, proposed_level=level("education", "concerning"),
                     motion="Warning-notice targets met.", by=world.ceo)  # fmt: skip
    url = reverse("categorisation:vote", args=[vote.pk])
    page = client_as(world.lsb_chair_a).get(url).content.decode()
    for principle in (
        "Selflessness",
        "Integrity",
        "Objectivity",
        "Accountability",
        "Openness",
        "Honesty",
        "Leadership",
    ):
        assert f"<dt>{principle}</dt>" in page
    cast = reverse("categorisation:vote_cast", args=[vote.pk])
    client_as(world.lsb_chair_a).post(
        cast, {"choice": "for", "declared_interest": "My child attends the school."}
    )
    client_as(world.head_a).post(reverse("categorisation:vote_cast", args=[vote.pk]), {"choice": "for"})
    client_as(world.ceo).post(reverse("categorisation:vote_cast", args=[vote.pk]), {"choice": "abstain"})
    client_as(world.ceo).post(reverse("categorisation:vote_close", args=[vote.pk]))
    vote.refresh_from_db()
    assert vote.status == VoteStatus.CARRIED
    assert Categorisation.objects.get(half_term=aut2).level.code == "concerning"
    page = client_as(world.ceo).get(url).content.decode()
    assert "My child attends the school." in page and "Carried: 2 for, 0 against, 1 abstained." in page
