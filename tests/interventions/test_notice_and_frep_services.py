from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from categorisation.models import Categorisation, Dimension
from interventions import services
from interventions.models import TARGET_MOVES, RecordStatus, TargetStatus
from tests.interventions.conftest import place


def finance_notice(world, by, **overrides):
    fields = dict(
        school=world.school_a,
        dimension=Dimension.FINANCE,
        issued_on=date(2026, 1, 12),
        grounds="CEO letter directives not met in time.",
        matters="Reserves at 2% of GAG.",
        period_ends_on=date(2026, 3, 27),
        consequence="The panel may vote to move the school to Unacceptable.",
        recipients=[world.head_a, world.lsb_chair_a, world.ceo],
        targets=[("Recovery budget to the CFO", date(2026, 2, 6))],
        by=by,
    )
    fields.update(overrides)
    if not Categorisation.objects.filter(school=fields["school"], dimension=fields["dimension"]).exists():
        place(world, fields["school"], fields["dimension"], "poor")
    return services.notice_issue(**fields)


def test_a_finance_warning_notice_is_issued_by_the_cfo(world):
    with pytest.raises(ValidationError, match="issued by the CFO"):
        finance_notice(world, world.ceo)
    notice = finance_notice(world, world.cfo)
    assert notice.issued_by == world.cfo
    assert notice.targets.count() == 1


def test_an_education_notice_cannot_be_issued_by_the_cfo_or_a_head(world):
    for person in (world.cfo, world.head_a):
        with pytest.raises(PermissionDenied, match="CEO or the EHT"):
            finance_notice(world, person, dimension=Dimension.EDUCATION)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"period_ends_on": date(2026, 1, 12)}, "must end after"),
        ({"targets": []}, "at least one required action"),
        ({"recipients": []}, "who receives"),
        ({"grounds": " "}, "grounds"),
        ({"targets": [("Late", date(2026, 4, 1))]}, "within the compliance period"),
    ],
)
def test_a_notice_without_what_it_must_carry_is_refused(world, overrides, message):
    with pytest.raises(ValidationError, match=message):
        finance_notice(world, world.cfo, **overrides)


def test_only_one_open_notice_per_dimension(world, education_notice):
    with pytest.raises(ValidationError, match="already has an open education warning notice"):
        finance_notice(world, world.ceo, dimension=Dimension.EDUCATION)
    finance_notice(world, world.cfo)  # finance is separate


@pytest.mark.parametrize("current", list(TargetStatus))
@pytest.mark.parametrize("wanted", list(TargetStatus))
def test_target_moves_follow_the_table(world, education_notice, current, wanted):
    target = education_notice.targets.first()
    target.status = current
    target.save()
    if wanted == current or wanted in TARGET_MOVES[current]:
        services.notice_target_record(target=target, status=wanted, met_on=date(2026, 2, 5), by=world.ceo)
        target.refresh_from_db()
        assert target.status == wanted
    else:
        with pytest.raises(ValidationError, match="put it back to open first"):
            services.notice_target_record(target=target, status=wanted, met_on=date(2026, 2, 5), by=world.ceo)


def test_the_head_and_lsb_chair_record_the_joint_action_plan_but_not_targets(world, education_notice):
    notice = services.notice_action_plan_record(
        notice=education_notice,
        action_plan="1. Timetable\n2. SCR",
        received_on=date(2026, 1, 26),
        sent_to_chair_on=date(2026, 1, 27),
        by=world.lsb_chair_a,
    )
    assert notice.action_plan_sent_to_chair_on == date(2026, 1, 27)
    with pytest.raises(PermissionDenied):
        services.notice_target_record(
            target=notice.targets.first(), status="met", met_on=date(2026, 2, 1), by=world.head_a
        )
    with pytest.raises(PermissionDenied):
        services.notice_action_plan_record(
            notice=education_notice, action_plan="x", received_on=date(2026, 1, 26), by=world.head_b
        )


def test_the_meeting_needs_attendees_and_cannot_precede_the_notice(world, education_notice):
    with pytest.raises(ValidationError, match="who attended"):
        services.notice_meeting_record(
            notice=education_notice, meeting_on=date(2026, 1, 19), attendees=[], by=world.ceo
        )
    with pytest.raises(ValidationError, match="before the notice was issued"):
        services.notice_meeting_record(
            notice=education_notice, meeting_on=date(2026, 1, 1), attendees=[world.head_a], by=world.ceo
        )


def test_a_notice_closes_only_with_the_outcome_the_vote_decided(world, education_notice, decide):
    with pytest.raises(ValidationError, match="ends with the school at Concerning or Unacceptable"):
        services.notice_close(
            notice=education_notice, outcome="universal", closed_on=date(2026, 3, 30), by=world.ceo
        )
    decide(world.school_a, Dimension.EDUCATION, "unacceptable", date(2026, 3, 30), half=(2025, 4))
    with pytest.raises(ValidationError, match="is Unacceptable, so this cannot close as 'concerning'"):
        services.notice_close(
            notice=education_notice, outcome="concerning", closed_on=date(2026, 3, 30), by=world.ceo
        )
    notice = services.notice_close(
        notice=education_notice, outcome="unacceptable", closed_on=date(2026, 3, 30), by=world.ceo
    )
    assert notice.status == RecordStatus.CLOSED


def test_a_notice_is_due_a_vote_at_the_end_of_its_period(education_notice):
    assert not education_notice.vote_due(date(2026, 3, 26))
    assert education_notice.vote_due(date(2026, 3, 27))


def test_a_frep_cannot_close_with_directives_still_open_or_against_the_decision(world, decide):
    frep = services.frep_open(school=world.school_a, written_on=date(2025, 11, 10), by=world.cfo)
    directive = services.frep_directive_add(
        frep=frep, text="Cut supply spend", due_on=date(2025, 12, 1), by=world.cfo
    )
    with pytest.raises(ValidationError, match="still open"):
        services.frep_close(frep=frep, outcome="universal", closed_on=date(2026, 1, 9), by=world.cfo)
    services.frep_directive_record(directive=directive, status="met", met_on=date(2025, 11, 28), by=world.cfo)
    directive.refresh_from_db()
    assert directive.met_in_time
    decide(world.school_a, Dimension.FINANCE, "poor", date(2026, 1, 8))
    with pytest.raises(ValidationError, match="is Poor"):
        services.frep_close(frep=frep, outcome="universal", closed_on=date(2026, 1, 9), by=world.cfo)
    services.frep_close(frep=frep, outcome="poor", closed_on=date(2026, 1, 9), by=world.ceo)


def test_a_head_cannot_write_a_frep(world):
    with pytest.raises(PermissionDenied, match="CEO or the CFO"):
        services.frep_open(school=world.school_a, written_on=date(2025, 11, 10), by=world.head_a)
