"""Each step of a peer review is one service, and refuses with a reason when the wrong person takes it or
the review is not at that step."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from peer_reviews import services
from peer_reviews.models import REVIEW_MOVES, ReviewEvent, ReviewStatus
from schools.models import Appointment
from schools.roles import Role
from tests.factories import person_with_role
from tests.peer_reviews import scenario


def test_every_status_has_its_moves_and_a_completed_review_goes_nowhere():
    assert set(REVIEW_MOVES) == set(ReviewStatus)
    assert REVIEW_MOVES[ReviewStatus.COMPLETED] == set()
    assert ReviewStatus.PLANNED not in {to for moves in REVIEW_MOVES.values() for to in moves}


def test_planning_puts_the_school_lead_and_the_ceo_in_the_group(world):
    review = scenario.planned(world, internal_checkers=[world.cfo])
    members = {m.person: m for m in review.members.all()}
    assert set(members) == {world.head_a, world.ceo, world.cfo}
    assert members[world.head_a].role == "School lead (Headteacher)"
    assert members[world.cfo].internal_checks


@pytest.mark.parametrize("persona", ["cfo", "head_a", "trustee", "compliance_manager"])
def test_only_the_ceo_plans_a_review(world, persona):
    with pytest.raises(ValidationError, match="Only the CEO plans"):
        services.review_plan(
            school=world.school_a, review_on=timezone.localdate(), reviewers=[], by=getattr(world, persona)
        )


def test_a_reviewer_without_a_reviewing_role_is_refused_by_name(world):
    with pytest.raises(ValidationError, match="holds no role that sits on a review group"):
        scenario.planned(world, reviewers=[world.lsb_chair_a])
    with pytest.raises(ValidationError, match="is not the CFO or the COO"):
        scenario.planned(world, internal_checkers=[world.compliance_manager])


def test_a_group_of_more_than_eight_reviewers_is_refused(world):
    heads = [person_with_role(Role.HEADTEACHER, school) for school in scenario.other_schools(7)]
    with pytest.raises(ValidationError, match="about six reviewers: you chose 9"):
        scenario.planned(world, reviewers=heads)


def test_a_school_with_no_head_cannot_have_its_review_planned(world):
    Appointment.objects.filter(person=world.head_a).update(is_active=False)
    with pytest.raises(ValidationError, match="no current headteacher or head of school"):
        scenario.planned(world, reviewers=[world.head_b])


def test_a_second_review_is_refused_while_the_first_is_not_complete(world):
    scenario.planned(world)
    with pytest.raises(ValidationError, match="already has a peer review"):
        scenario.planned(world)


def test_only_the_school_lead_sends_the_focus_and_questions(world):
    review = scenario.planned(world)
    with pytest.raises(ValidationError, match="The school lead"):
        services.review_focus_send(review=review, focus_area="Maths", questions=["Q?"], by=world.ceo)
    with pytest.raises(ValidationError, match="at least one key question"):
        services.review_focus_send(review=review, focus_area="Maths", questions=[" "], by=world.head_a)


def test_the_focus_cannot_change_once_the_timetable_is_agreed(world):
    review = scenario.timetable_agreed(world)
    with pytest.raises(ValidationError, match="cannot send the focus and questions now"):
        services.review_focus_send(review=review, focus_area="Maths", questions=["Q?"], by=world.head_a)


def test_resending_the_focus_keeps_the_ceos_questions(world):
    review = scenario.focus_sent(world)
    services.review_question_add(review=review, text="How is reading assessed?", by=world.ceo)
    services.review_focus_send(review=review, focus_area="Reading", questions=["New one?"], by=world.head_a)
    assert sorted(q.text for q in review.questions.all()) == ["How is reading assessed?", "New one?"]


def test_the_ceo_adds_questions_only_after_the_school_leads_and_before_the_day(world):
    review = scenario.planned(world)
    with pytest.raises(ValidationError, match="after the school lead sends theirs"):
        services.review_question_add(review=review, text="Q?", by=world.ceo)
    with pytest.raises(ValidationError, match="Only the CEO in the group"):
        services.review_question_add(review=review, text="Q?", by=world.head_a)


def test_a_ceo_outside_the_group_cannot_lead_the_review(world):
    other_ceo = person_with_role(Role.CEO, email="ceo2@trust.example")
    review = scenario.focus_sent(world)
    with pytest.raises(ValidationError, match="Only the CEO in the group agrees the timetable"):
        services.review_timetable_agree(
            review=review, timetable="9:00", agreed_with_school_lead=True, by=other_ceo
        )


def test_the_timetable_needs_the_school_leads_agreement(world):
    review = scenario.focus_sent(world)
    with pytest.raises(ValidationError, match="Agree the timetable with the school lead"):
        services.review_timetable_agree(
            review=review, timetable="9:00", agreed_with_school_lead=False, by=world.ceo
        )


def test_the_days_notes_wait_for_the_day_and_come_from_the_group(world):
    review = scenario.timetable_agreed(world, review_on=timezone.localdate() + timedelta(days=3))
    with pytest.raises(ValidationError, match="kept on the day or after"):
        services.review_day_record(review=review, notes="Saw lessons", by=world.ceo)
    with pytest.raises(ValidationError, match="Only the review group"):
        services.review_day_record(review=review, notes="Saw lessons", by=world.head_b)
    with time_machine.travel(timezone.localdate() + timedelta(days=3)):
        services.review_day_record(review=review, notes="Saw lessons", by=world.head_a)
    review.refresh_from_db()
    assert review.status == ReviewStatus.HELD


def test_the_letter_is_refused_until_every_question_has_its_findings(world):
    review = scenario.held(world)
    with pytest.raises(ValidationError, match="Missing for: How well is early reading"):
        services.review_letter_issue(review=review, results_as_expected=True, by=world.ceo)
    with pytest.raises(ValidationError, match="Say whether"):
        services.review_letter_issue(review=review, results_as_expected=None, by=world.ceo)


def test_findings_are_written_only_between_the_day_and_the_letter(world):
    review = scenario.timetable_agreed(world)
    with pytest.raises(ValidationError, match="after the day and before the letter"):
        services.review_findings_record(review=review, findings={}, by=world.ceo)


def test_findings_cannot_change_once_the_letter_is_issued(world):
    issued = scenario.letter_issued(world, render=False)
    with pytest.raises(ValidationError, match="after the day and before the letter"):
        services.review_findings_record(review=issued, findings={}, by=world.ceo)


def test_the_staff_session_follows_the_letter_and_names_its_facilitators(world):
    review = scenario.held(world)
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="cannot record the whole-staff session now"):
        services.review_staff_session_record(review=review, held_on=today, facilitators="A, B", by=world.ceo)
    with pytest.raises(ValidationError, match="Enter the Action Plan Facilitators"):
        services.review_staff_session_record(review=review, held_on=today, facilitators=" ", by=world.head_a)
    with pytest.raises(ValidationError, match="in the future"):
        services.review_staff_session_record(
            review=review, held_on=today + timedelta(days=1), facilitators="A", by=world.head_a
        )
    with pytest.raises(ValidationError, match="records the whole-staff session"):
        services.review_staff_session_record(review=review, held_on=today, facilitators="A", by=world.head_b)


def test_each_step_leaves_a_record_of_who_took_it(world):
    review = scenario.completed(world)
    actions = list(ReviewEvent.objects.filter(review=review).order_by("pk").values_list("action", "by"))
    assert [a for a, _ in actions] == [
        "Planned",
        "Focus and questions sent",
        "Timetable agreed and circulated",
        "Day recorded",
        "Findings written",
        "Findings letter issued",
        "Whole-staff session recorded",
    ]
    assert actions[1][1] == world.head_a.pk
    assert review.status == ReviewStatus.COMPLETED
