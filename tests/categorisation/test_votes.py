from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from categorisation.models import Categorisation, Choice, Route, Vote, VoteStatus
from categorisation.services import vote_cast, vote_close, vote_open, vote_withdraw
from schools.roles import Role
from tests.categorisation.factories import CategorisationFactory, level
from tests.factories import person_with_role


def everyone_votes(vote, choice=Choice.FOR):
    for member in vote.members.filter(choice="", stepped_aside_at__isnull=True).select_related("person"):
        vote_cast(vote=vote, by=member.person, choice=choice)


def closing_date_passed(vote):
    Vote.objects.filter(pk=vote.pk).update(closes_on=timezone.localdate() - timedelta(days=1))


def open_vote(world, aut2, to="unacceptable", by=None):
    return vote_open(
        school=world.school_a,
        half_term=aut2,
        proposed_level=level("education", to),
        motion="Warning-notice targets were not met by the end of the notice period.",
        by=by or world.ceo,
    )


def test_the_education_panel_is_filled_from_the_schools_appointments_and_trust_roles(
    world, aut2, panel, poor_school
):
    person_with_role(Role.FR_CHAIR, email="fr@trust.example")  # not on an education panel
    vote = open_vote(world, aut2)
    seats = {(m.person, m.capacity) for m in vote.members.all()}
    assert seats == {
        (world.ceo, Role.CEO),
        (panel["eht"], Role.EHT),
        (panel["es_chair"], Role.ES_CHAIR),
        (world.head_a, Role.HEADTEACHER),
        (world.lsb_chair_a, Role.LSB_CHAIR),
        (panel["mentor"], Role.MENTOR),
    }
    assert vote.route == Route.PANEL_VOTE


def test_the_finance_panel_is_the_head_cfo_lsb_chair_and_f_and_r_rep(world, aut1, aut2):
    fr_chair = person_with_role(Role.FR_CHAIR, email="fr@trust.example")
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("finance", "poor"))
    vote = vote_open(
        school=world.school_a, half_term=aut2, proposed_level=level("finance", "universal"),
        motion="Targets met.", by=world.cfo,
    )  # fmt: skip
    assert {m.person for m in vote.members.all()} == {world.head_a, world.cfo, world.lsb_chair_a, fr_chair}


def test_a_board_vote_seats_the_trustees_and_committee_chairs(world, aut1, aut2):
    es_chair = person_with_role(Role.ES_CHAIR, email="es@trust.example")
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "unacceptable"))
    vote = open_vote(world, aut2, to="deficient")
    assert vote.route == Route.BOARD_VOTE
    assert {m.person for m in vote.members.all()} == {world.trustee, es_chair}


def test_a_vote_is_not_opened_for_a_move_the_ceo_decides(world, aut1, aut2):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "concerning"))
    with pytest.raises(ValidationError, match="is the CEO's decision: no vote is needed"):
        open_vote(world, aut2, to="poor")


def test_only_the_chair_opens_a_vote(world, aut2, poor_school):
    with pytest.raises(PermissionDenied):
        open_vote(world, aut2, by=world.trustee)


def test_a_majority_of_votes_cast_moves_the_school_through_the_decision_service(
    world, aut2, panel, poor_school
):
    vote = open_vote(world, aut2)
    vote_cast(vote=vote, by=world.ceo, choice=Choice.FOR)
    vote_cast(vote=vote, by=panel["es_chair"], choice=Choice.FOR, comment="Targets clearly missed.")
    vote_cast(vote=vote, by=world.head_a, choice=Choice.AGAINST, declared_interest="I am the head.")
    vote_cast(vote=vote, by=panel["mentor"], choice=Choice.ABSTAIN)
    closing_date_passed(vote)  # 4 of the 6 have voted: the quorum, once the closing date has come
    vote, record = vote_close(vote=vote, by=world.ceo)
    assert vote.status == VoteStatus.CARRIED
    assert vote.outcome_note == "2 for, 1 against, 1 abstained."
    assert (record.level.code, record.route, record.vote) == ("unacceptable", Route.PANEL_VOTE, vote)
    assert "Warning-notice targets" in record.rationale


def test_a_tie_leaves_the_school_where_it_is(world, aut2, panel, poor_school):
    vote = open_vote(world, aut2)
    for person in (world.ceo, panel["eht"], panel["es_chair"]):
        vote_cast(vote=vote, by=person, choice=Choice.FOR)
    for person in (world.head_a, world.lsb_chair_a, panel["mentor"]):
        vote_cast(vote=vote, by=person, choice=Choice.AGAINST)
    vote, record = vote_close(vote=vote, by=world.ceo)
    assert vote.status == VoteStatus.NOT_CARRIED
    assert record.level.code == "poor" and record.vote == vote


def test_a_member_votes_once_and_only_members_vote(world, aut2, panel, poor_school):
    vote = open_vote(world, aut2)
    vote_cast(vote=vote, by=world.lsb_chair_a, choice=Choice.FOR)
    with pytest.raises(ValidationError, match="already voted"):
        vote_cast(vote=vote, by=world.lsb_chair_a, choice=Choice.AGAINST)
    with pytest.raises(PermissionDenied):
        vote_cast(vote=vote, by=world.head_b, choice=Choice.FOR)


def test_a_closed_vote_takes_no_more_votes_and_cannot_be_closed_again(world, aut2, panel, poor_school):
    vote = open_vote(world, aut2)
    everyone_votes(vote, Choice.AGAINST)
    vote_close(vote=vote, by=world.ceo)
    with pytest.raises(ValidationError, match="votes can no longer be cast"):
        vote_cast(vote=vote, by=world.head_a, choice=Choice.FOR)
    with pytest.raises(ValidationError, match="already not carried"):
        vote_close(vote=vote, by=world.ceo)
    with pytest.raises(ValidationError, match="already not carried"):
        vote_withdraw(vote=vote, by=world.ceo, reason="Opened by mistake.")


def test_a_vote_cannot_be_replayed_for_another_move(world, aut2, panel, poor_school):
    from categorisation.services import categorisation_decide

    vote = open_vote(world, aut2)
    everyone_votes(vote)
    vote, _ = vote_close(vote=vote, by=world.ceo)
    with pytest.raises(ValidationError, match="A vote decides only its own outcome"):
        categorisation_decide(
            school=world.school_a, half_term=aut2, level=level("education", "concerning"), by=world.ceo,
            rationale="Replay.", vote=vote,
        )  # fmt: skip
    assert Categorisation.objects.filter(half_term=aut2).count() == 1
