"""The trust's vote policy: a closing date, a quorum, stepping aside and withdrawing (issue 10)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from categorisation.models import Categorisation, Choice, Vote, VotePolicy, VoteStatus
from categorisation.services import vote_cast, vote_close, vote_step_aside, vote_withdraw
from schools.models import Trust
from tests.categorisation.test_votes import closing_date_passed, everyone_votes, open_vote


def _vote(vote, *people, choice=Choice.FOR):
    for person in people:
        vote_cast(vote=vote, by=person, choice=choice)


def test_a_vote_cannot_be_carried_by_one_member(world, aut2, panel, poor_school):
    vote = open_vote(world, aut2)
    _vote(vote, world.ceo)
    with pytest.raises(ValidationError) as refusal:
        vote_close(vote=vote, by=world.ceo)
    message = refusal.value.messages[0]
    assert "5 of 6 members have not voted" in message
    for person in (world.head_a, world.lsb_chair_a, panel["eht"], panel["es_chair"], panel["mentor"]):
        assert person.display_name in message
    closing_date_passed(vote)
    with pytest.raises(ValidationError, match="The quorum is 4 votes and 1 have been cast"):
        vote_close(vote=vote, by=world.ceo)
    vote.refresh_from_db()
    assert vote.status == VoteStatus.OPEN
    assert not Categorisation.objects.filter(half_term=aut2).exists()


def test_a_panel_that_stepped_aside_down_to_one_member_cannot_carry_the_vote(world, aut2, panel, poor_school):
    vote = open_vote(world, aut2)
    for person in (world.head_a, world.lsb_chair_a, panel["eht"], panel["es_chair"], panel["mentor"]):
        vote_step_aside(vote=vote, by=person, declared_interest="Works at the school.")
    _vote(vote, world.ceo)
    closing_date_passed(vote)
    with pytest.raises(ValidationError, match="The quorum is 2 votes and 1 have been cast"):
        vote_close(vote=vote, by=world.ceo)


def test_it_closes_before_its_closing_date_once_every_member_has_voted(world, aut2, panel, poor_school):
    vote = open_vote(world, aut2)
    assert vote.closes_on == timezone.localdate() + timedelta(days=7)
    everyone_votes(vote)
    vote, record = vote_close(vote=vote, by=world.ceo)
    assert vote.status == VoteStatus.CARRIED and record.level.code == "unacceptable"


def test_after_its_closing_date_it_closes_only_with_a_quorum(world, aut2, panel, poor_school):
    vote = open_vote(world, aut2)
    _vote(vote, world.ceo, panel["es_chair"], panel["eht"])
    with pytest.raises(ValidationError, match="cannot close before its closing date"):
        vote_close(vote=vote, by=world.ceo)
    closing_date_passed(vote)
    with pytest.raises(ValidationError, match="The quorum is 4 votes and 3 have been cast"):
        vote_close(vote=vote, by=world.ceo)
    _vote(vote, world.head_a, choice=Choice.AGAINST)
    vote, record = vote_close(vote=vote, by=world.ceo)
    assert (vote.status, vote.outcome_note) == (VoteStatus.CARRIED, "3 for, 1 against, 0 abstained.")


def test_the_closing_date_is_set_on_opening_and_must_be_after_today(world, aut2, panel, poor_school):
    from categorisation.services import vote_open
    from tests.categorisation.factories import level

    arguments = dict(school=world.school_a, half_term=aut2, proposed_level=level("education", "unacceptable"),
                     motion="Targets missed.", by=world.ceo)  # fmt: skip
    with pytest.raises(ValidationError, match="closing date after today"):
        vote_open(**arguments, closes_on=timezone.localdate())
    vote = vote_open(**arguments, closes_on=timezone.localdate() + timedelta(days=3))
    assert vote.closes_on == timezone.localdate() + timedelta(days=3)


def test_a_member_who_steps_aside_is_recorded_does_not_vote_and_is_out_of_the_quorum(
    world, aut2, panel, poor_school
):
    vote = open_vote(world, aut2)
    with pytest.raises(ValidationError, match="Say what your interest is"):
        vote_step_aside(vote=vote, by=world.head_a, declared_interest=" ")
    member = vote_step_aside(vote=vote, by=world.head_a, declared_interest="I am the school's head.")
    vote_step_aside(vote=vote, by=world.lsb_chair_a, declared_interest="My child attends the school.")
    assert member.stepped_aside_at is not None and member.declared_interest == "I am the school's head."
    with pytest.raises(ValidationError, match="stepped aside"):
        vote_cast(vote=vote, by=world.head_a, choice=Choice.AGAINST)
    # 4 members left in the quorum: 3 votes make it once the closing date has come.
    _vote(vote, world.ceo, panel["es_chair"], panel["eht"])
    closing_date_passed(vote)
    vote, record = vote_close(vote=vote, by=world.ceo)
    assert vote.outcome_note == "3 for, 0 against, 0 abstained, 2 stepped aside."


def test_every_member_left_voting_having_voted_closes_the_vote(world, aut2, panel, poor_school):
    vote = open_vote(world, aut2)
    vote_step_aside(vote=vote, by=world.head_a, declared_interest="I am the school's head.")
    everyone_votes(vote, Choice.AGAINST)
    vote, record = vote_close(vote=vote, by=world.ceo)
    assert vote.status == VoteStatus.NOT_CARRIED and record.level.code == "poor"


def test_a_member_who_has_voted_cannot_then_step_aside(world, aut2, panel, poor_school):
    vote = open_vote(world, aut2)
    _vote(vote, world.head_a)
    with pytest.raises(ValidationError, match="already voted"):
        vote_step_aside(vote=vote, by=world.head_a, declared_interest="Second thoughts.")


def test_a_vote_is_withdrawn_with_a_reason_by_its_chair_and_decides_nothing(world, aut2, panel, poor_school):
    vote = open_vote(world, aut2)
    _vote(vote, world.ceo)
    with pytest.raises(ValidationError, match="Give the reason"):
        vote_withdraw(vote=vote, by=world.ceo, reason="")
    with pytest.raises(PermissionDenied):
        vote_withdraw(vote=vote, by=world.head_a, reason="I object.")
    vote = vote_withdraw(vote=vote, by=world.ceo, reason="Opened on the wrong evidence.")
    assert (vote.status, vote.outcome_note) == (
        VoteStatus.WITHDRAWN,
        "Withdrawn: Opened on the wrong evidence.",
    )
    assert not Categorisation.objects.filter(half_term=aut2).exists()
    with pytest.raises(ValidationError, match="votes can no longer be cast"):
        vote_cast(vote=vote, by=world.head_a, choice=Choice.FOR)


def test_the_quorum_and_majority_are_the_trusts_policy_data(world, aut2, panel, poor_school):
    VotePolicy.objects.create(trust=Trust.objects.get_current(), quorum_percent=75, carried_percent=66)
    vote = open_vote(world, aut2)
    _vote(vote, world.ceo, panel["es_chair"], panel["eht"])
    _vote(vote, world.head_a, choice=Choice.AGAINST)
    closing_date_passed(vote)
    with pytest.raises(ValidationError, match="The quorum is 5 votes and 4 have been cast"):
        vote_close(vote=vote, by=world.ceo)
    _vote(vote, world.lsb_chair_a, choice=Choice.AGAINST)
    vote, _ = vote_close(vote=vote, by=world.ceo)
    assert vote.status == VoteStatus.NOT_CARRIED  # 3 of 5 for is not more than 66%
    assert Vote.objects.get().outcome_note == "3 for, 2 against, 0 abstained."
