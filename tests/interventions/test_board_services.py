from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from categorisation.models import Categorisation, Dimension
from interventions import services
from interventions.selectors import missing_reports
from tests.interventions.conftest import place

MEMBERS = [("Ann Expert", "school development"), ("Bo Teacher", "education"), ("Cy Trustee", "finance")]


def board(world, members=MEMBERS):
    if not Categorisation.objects.filter(school=world.school_a, dimension=Dimension.EDUCATION).exists():
        place(world, world.school_a, Dimension.EDUCATION, "unacceptable")
    return services.board_form(
        school=world.school_a,
        dimension=Dimension.EDUCATION,
        formed_on=date(2026, 4, 20),
        members=members,
        interim_leader="Dana Lead",
        by=world.ceo,
    )


def test_an_improvement_board_of_two_is_refused(world):
    with pytest.raises(ValidationError, match="at least 3 members; 2 given"):
        board(world, MEMBERS[:2])


def test_blank_names_do_not_count_as_members(world):
    with pytest.raises(ValidationError, match="2 given"):
        board(world, [*MEMBERS[:2], (" ", "nobody")])


def test_a_member_cannot_leave_a_board_of_three(world):
    b = board(world)
    with pytest.raises(ValidationError, match="fewer than 3"):
        services.board_member_remove(member=b.members.first(), reason="Resigned", by=world.ceo)
    services.board_member_add(board=b, name="Di New", by=world.ceo)
    services.board_member_remove(member=b.members.first(), reason="Resigned", by=world.ceo)
    assert b.members.count() == 3


def test_only_the_ceo_records_a_board(world):
    with pytest.raises(PermissionDenied):
        board_as = world.trustee
        services.board_form(
            school=world.school_a,
            dimension="education",
            formed_on=date(2026, 4, 20),
            members=MEMBERS,
            by=board_as,
        )


def test_the_plan_needs_recording_before_approval_and_a_change_needs_approving_again(world):
    b = board(world)
    with pytest.raises(ValidationError, match="Record the action plan"):
        services.board_plan_approve(board=b, approved_on=date(2026, 5, 1), by=world.ceo)
    services.board_details_update(board=b, interim_leader="Dana Lead", action_plan="Plan v1", by=world.ceo)
    b = services.board_plan_approve(board=b, approved_on=date(2026, 5, 1), by=world.ceo)
    assert b.plan_approved_on == date(2026, 5, 1)
    b = services.board_details_update(
        board=b, interim_leader="Dana Lead", action_plan="Plan v2", by=world.ceo
    )
    assert b.plan_approved_on is None


def test_missing_monthly_reports_are_the_ended_months_with_no_report(world):
    b = board(world)
    services.board_report_record(
        board=b, month=date(2026, 5, 1), received_on=date(2026, 5, 29), summary="On track", by=world.head_a
    )
    assert missing_reports(b, on=date(2026, 7, 10)) == [date(2026, 4, 1), date(2026, 6, 1)]
    with pytest.raises(ValidationError, match="already recorded"):
        services.board_report_record(
            board=b, month=date(2026, 5, 15), received_on=date(2026, 5, 29), summary="Again", by=world.ceo
        )
    with pytest.raises(ValidationError, match="choose that month or later"):
        services.board_report_record(
            board=b, month=date(2026, 3, 1), received_on=date(2026, 5, 29), summary="Early", by=world.ceo
        )


def test_only_the_ceo_writes_the_hr_support_plan(world):
    b = board(world)
    with pytest.raises(PermissionDenied):
        services.hr_support_plan_save(board=b, text="Plan", by=world.cfo)
    assert services.hr_support_plan_save(board=b, text="Plan", by=world.ceo).text == "Plan"


def test_rebrokerage_conversations_are_recorded_by_the_ceo(world):
    with pytest.raises(PermissionDenied):
        services.rebrokerage_conversation_record(
            school=world.school_a,
            held_on=date(2026, 9, 1),
            counterpart="la",
            people="x",
            summary="y",
            by=world.cfo,
        )
    with pytest.raises(ValidationError, match="what was said"):
        services.rebrokerage_conversation_record(
            school=world.school_a,
            held_on=date(2026, 9, 1),
            counterpart="dfe",
            people="RD",
            summary="",
            by=world.ceo,
        )
