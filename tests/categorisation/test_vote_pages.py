"""The vote's pages: opening from a refused move, the closing date, stepping aside, withdrawing, and a
"Close" refused with the names of those who have not voted."""

from datetime import timedelta
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from categorisation.models import Categorisation, Dimension, Vote, VoteStatus
from tests.categorisation.factories import CategorisationFactory, level
from tests.categorisation.test_votes import open_vote


def _field(school, dimension, part):
    return f"{school.pk}-{dimension}-{part}"


def test_a_move_refused_for_want_of_a_vote_links_to_the_vote_form_holding_it(world, client_as, aut1, aut2):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "poor"))
    unacceptable = level("education", "unacceptable")
    data = {
        _field(world.school_a, Dimension.EDUCATION, "level"): unacceptable.pk,
        _field(world.school_a, Dimension.EDUCATION, "rationale"): "Targets missed & no progress.",
    }
    page = client_as(world.ceo).post(f"{reverse('categorisation:decide')}?half_term={aut2.pk}", data)
    page = page.content.decode()
    link = (
        reverse("categorisation:vote_new", args=[world.school_a.urn])
        + "?"
        + urlencode(
            {
                "level": unacceptable.pk,
                "motion": "Targets missed & no progress.",
                # Once the vote is open, back to the half-term screen.
                "next": f"{reverse('categorisation:decide')}?half_term={aut2.pk}",
            }
        )
    )
    assert "needs a vote by the CEO, the LSB chair" in page
    assert f'href="{link.replace("&", "&amp;")}"' in page


def test_the_vote_form_from_a_refused_move_holds_the_level_and_motion_and_offers_only_that_dimension(
    world, client_as, aut1, aut2
):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "poor"))
    unacceptable = level("education", "unacceptable")
    url = reverse("categorisation:vote_new", args=[world.school_a.urn])
    page = client_as(world.ceo).get(url, {"level": unacceptable.pk, "motion": "Targets missed."})
    page = page.content.decode()
    assert f'<option value="{unacceptable.pk}" selected>' in page
    assert "Targets missed.</textarea>" in page
    assert "Finance:" not in page and "Site &amp; H&amp;S:" not in page
    assert page.count("<option value=") == 6  # "Choose the proposed category" and the 5 education levels
    closes = timezone.localdate() + timedelta(days=7)
    assert f'value="{closes:%Y-%m-%d}"' in page
    response = client_as(world.ceo).post(url, {
        "dimension": "education", "proposed_level": unacceptable.pk, "motion": "Targets missed.",
        "closes_on": f"{closes + timedelta(days=3):%Y-%m-%d}",
    })  # fmt: skip
    vote = Vote.objects.get()
    assert response.url == reverse("categorisation:vote", args=[vote.pk])
    assert vote.closes_on == closes + timedelta(days=3) and vote.motion == "Targets missed."


def test_close_is_refused_on_the_page_naming_who_has_not_voted(world, client_as, aut1, aut2, poor_school):
    vote = open_vote(world, aut2)
    page = client_as(world.ceo).get(reverse("categorisation:vote", args=[vote.pk])).content.decode()
    assert "3 of 3 members have not voted" in page and world.head_a.display_name in page
    response = client_as(world.ceo).post(reverse("categorisation:vote_close", args=[vote.pk]), follow=True)
    assert "The vote cannot close before its closing date" in response.content.decode()
    vote.refresh_from_db()
    assert vote.status == VoteStatus.OPEN


def test_a_member_steps_aside_from_the_page(world, client_as, aut2, poor_school):
    vote = open_vote(world, aut2)
    url = reverse("categorisation:vote_step_aside", args=[vote.pk])
    page = client_as(world.lsb_chair_a).post(url, {"aside-declared_interest": ""}).content.decode()
    assert "Say what your interest is" in page
    client_as(world.lsb_chair_a).post(url, {"aside-declared_interest": "My child attends the school."})
    page = client_as(world.ceo).get(reverse("categorisation:vote", args=[vote.pk])).content.decode()
    assert "Stepped aside" in page and "My child attends the school." in page
    assert "2 of 2 members have not voted" in page


def test_the_chair_withdraws_a_vote_from_its_page_with_a_reason(world, client_as, aut2, poor_school):
    vote = open_vote(world, aut2)
    url = reverse("categorisation:vote_withdraw", args=[vote.pk])
    page = client_as(world.ceo).post(url, {"reason": ""}).content.decode()
    assert "Give the reason the vote is withdrawn." in page
    client_as(world.ceo).post(url, {"reason": "Opened on the wrong evidence."})
    vote.refresh_from_db()
    assert vote.status == VoteStatus.WITHDRAWN and "wrong evidence" in vote.outcome_note
    assert not Categorisation.objects.filter(half_term=aut2).exists()


def test_the_trust_board_vote_works_through_the_pages_with_its_panel(world, client_as, aut1, aut2):
    from schools.roles import Role
    from tests.factories import person_with_role

    es_chair = person_with_role(Role.ES_CHAIR, email="es@trust.example")
    fr_chair = person_with_role(Role.FR_CHAIR, email="fr@trust.example")
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "unacceptable"))
    poor = level("education", "poor")
    client_as(world.ceo).post(reverse("categorisation:vote_new", args=[world.school_a.urn]), {
        "proposed_level": poor.pk, "motion": "The Improvement Board reports the school is secure.",
        "closes_on": f"{timezone.localdate() + timedelta(days=7):%Y-%m-%d}",
    })  # fmt: skip
    vote = Vote.objects.get()
    assert {m.person for m in vote.members.all()} == {world.trustee, es_chair, fr_chair}
    page = client_as(world.trustee).get(reverse("categorisation:vote", args=[vote.pk])).content.decode()
    assert "Record my vote" in page and "Step aside" in page
    cast = reverse("categorisation:vote_cast", args=[vote.pk])
    client_as(world.trustee).post(cast, {"choice": "for"})
    client_as(es_chair).post(cast, {"choice": "for"})
    client_as(fr_chair).post(
        reverse("categorisation:vote_step_aside", args=[vote.pk]),
        {"aside-declared_interest": "I chaired the Improvement Board."},
    )
    page = client_as(world.ceo).get(reverse("categorisation:vote", args=[vote.pk])).content.decode()
    assert "Close the vote and apply the outcome" in page
    client_as(world.ceo).post(reverse("categorisation:vote_close", args=[vote.pk]))
    vote.refresh_from_db()
    assert vote.status == VoteStatus.CARRIED
    assert vote.outcome_note == "2 for, 0 against, 0 abstained, 1 stepped aside."
    decided = Categorisation.objects.get(half_term=aut2)
    assert (decided.level, decided.vote) == (poor, vote)
