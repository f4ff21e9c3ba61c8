from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from categorisation.models import Dimension
from interventions import services
from interventions.models import ACTION_MOVES, ActionStatus, InterventionEvent, Milestone, RecordStatus
from interventions.selectors import open_rep_for

from .conftest import WRITTEN_ON


def test_a_rep_gets_three_milestones_counted_from_the_date_written(rep):
    due = {m.milestone: m.due_on for m in rep.milestones.all()}
    assert due == {
        Milestone.WEEK_1: date(2025, 11, 17),
        Milestone.WEEK_3: date(2025, 12, 1),
        Milestone.WEEK_6: date(2025, 12, 22),
    }
    assert rep.ends_on == date(2025, 12, 22)
    assert InterventionEvent.objects.filter(record_id=rep.pk, action="REP written").exists()


def test_open_rep_for_gives_the_open_rep_or_none(world, rep):
    assert open_rep_for(school=world.school_a) == rep
    assert open_rep_for(school=world.school_b) is None


def test_a_school_cannot_have_two_open_reps(world, rep, eht):
    with pytest.raises(ValidationError, match="already has an open REP"):
        services.rep_open(school=world.school_a, written_on=WRITTEN_ON, author=eht, by=eht)


def test_a_head_cannot_write_a_rep(world):
    with pytest.raises(PermissionDenied, match="CEO or the EHT"):
        services.rep_open(school=world.school_a, written_on=WRITTEN_ON, author=world.head_a, by=world.head_a)


def test_only_the_ceo_approves_extra_funding(world, rep, eht):
    with pytest.raises(PermissionDenied, match="Only the CEO"):
        services.rep_funding_approve(rep=rep, amount=Decimal("5000"), approved_on=WRITTEN_ON, by=eht)
    with pytest.raises(ValidationError, match="more than £0"):
        services.rep_funding_approve(rep=rep, amount=Decimal("0"), approved_on=WRITTEN_ON, by=world.ceo)
    rep = services.rep_funding_approve(rep=rep, amount=Decimal("5000"), approved_on=WRITTEN_ON, by=world.ceo)
    assert rep.funding_approved_by == world.ceo


def test_a_milestone_date_can_be_edited_but_not_before_the_rep_was_written(rep, eht):
    milestone = rep.milestones.get(milestone=Milestone.WEEK_3)
    services.rep_milestone_reschedule(milestone=milestone, due_on=date(2025, 12, 5), by=eht)
    milestone.refresh_from_db()
    assert milestone.due_on == date(2025, 12, 5)
    with pytest.raises(ValidationError, match="before the REP was written"):
        services.rep_milestone_reschedule(milestone=milestone, due_on=date(2025, 11, 1), by=eht)


@pytest.mark.parametrize("current", list(ActionStatus))
@pytest.mark.parametrize("wanted", list(ActionStatus))
def test_action_moves_follow_the_table(world, rep, current, wanted):
    action = rep.milestones.get(milestone=Milestone.WEEK_1).actions.get()
    action.status = current
    action.save()
    allowed = wanted == current or wanted in ACTION_MOVES[current]
    done_on = date(2025, 11, 14)
    if allowed:
        services.rep_action_progress(action=action, status=wanted, done_on=done_on, by=world.head_a)
        action.refresh_from_db()
        assert action.status == wanted
    else:
        with pytest.raises(ValidationError, match="cannot go back"):
            services.rep_action_progress(action=action, status=wanted, done_on=done_on, by=world.head_a)


def test_only_the_owner_or_the_ceo_or_eht_updates_an_action(world, rep):
    action = rep.milestones.get(milestone=Milestone.WEEK_6).actions.get()  # owned by the LSB chair
    with pytest.raises(PermissionDenied, match="owner"):
        services.rep_action_progress(action=action, status=ActionStatus.IN_PROGRESS, by=world.head_a)
    services.rep_action_progress(action=action, status=ActionStatus.IN_PROGRESS, by=world.lsb_chair_a)


def test_a_done_action_needs_its_date(world, rep):
    action = rep.milestones.get(milestone=Milestone.WEEK_1).actions.get()
    with pytest.raises(ValidationError, match="date the action was done"):
        services.rep_action_progress(action=action, status=ActionStatus.DONE, by=world.head_a)


def test_a_review_needs_reviewers_and_notes_and_the_head_may_record_it(world, rep, eht):
    milestone = rep.milestones.get(milestone=Milestone.WEEK_1)
    with pytest.raises(ValidationError, match="who took part"):
        services.rep_review_record(
            milestone=milestone,
            reviewed_on=date(2025, 11, 18),
            reviewers=[],
            notes="Fine",
            on_track=True,
            by=eht,
        )
    review = services.rep_review_record(
        milestone=milestone,
        reviewed_on=date(2025, 11, 18),
        reviewers=[eht, world.head_a],
        notes="Behaviour steps rolled out.",
        on_track=True,
        by=world.head_a,
    )
    assert set(review.reviewers.all()) == {eht, world.head_a}
    with pytest.raises(PermissionDenied):
        services.rep_review_record(
            milestone=milestone,
            reviewed_on=date(2025, 11, 18),
            reviewers=[eht],
            notes="x",
            on_track=True,
            by=world.head_b,
        )


def test_an_extension_must_move_the_end_date_later_and_give_a_reason(rep, eht):
    with pytest.raises(ValidationError, match="why"):
        services.rep_extend(
            rep=rep, new_ends_on=date(2026, 1, 30), reason=" ", granted_on=date(2025, 12, 1), by=eht
        )
    with pytest.raises(ValidationError, match="after the current one"):
        services.rep_extend(
            rep=rep, new_ends_on=date(2025, 12, 1), reason="More time", granted_on=date(2025, 12, 1), by=eht
        )
    extension = services.rep_extend(
        rep=rep,
        new_ends_on=date(2026, 1, 30),
        reason="Timetable slipped",
        granted_on=date(2025, 12, 1),
        by=eht,
    )
    rep.refresh_from_db()
    assert (extension.previous_ends_on, rep.ends_on) == (date(2025, 12, 22), date(2026, 1, 30))


def test_closing_a_rep_needs_a_decision_made_since_it_was_written(world, rep, eht):
    with pytest.raises(ValidationError, match="Record the decision on the categorisation page first"):
        services.rep_close(rep=rep, outcome="universal", closed_on=date(2026, 1, 9), by=eht)


def test_closing_a_rep_with_an_outcome_that_contradicts_the_decision_is_refused(world, rep, eht, decide):
    decide(world.school_a, Dimension.EDUCATION, "poor", date(2026, 1, 8))
    with pytest.raises(ValidationError, match="is Poor, so this cannot close as 'universal'"):
        services.rep_close(rep=rep, outcome="universal", closed_on=date(2026, 1, 9), by=eht)
    rep = services.rep_close(rep=rep, outcome="poor", closed_on=date(2026, 1, 9), by=eht)
    assert (rep.status, rep.outcome) == (RecordStatus.CLOSED, "poor")


def test_a_rep_cannot_close_as_unacceptable(rep, eht):
    with pytest.raises(ValidationError, match="ends with the school at Universal or Poor"):
        services.rep_close(rep=rep, outcome="unacceptable", closed_on=date(2026, 1, 9), by=eht)


def test_a_closed_rep_is_kept_as_it_was(world, rep, eht, decide):
    decide(world.school_a, Dimension.EDUCATION, "universal", date(2026, 1, 8))
    services.rep_close(rep=rep, outcome="universal", closed_on=date(2026, 1, 9), by=eht)
    with pytest.raises(ValidationError, match="was closed on 9 January 2026"):
        services.rep_extend(
            rep=rep, new_ends_on=date(2026, 3, 1), reason="Late", granted_on=date(2026, 1, 10), by=eht
        )
    assert open_rep_for(school=world.school_a) is None
