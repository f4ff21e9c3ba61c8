"""With seed 004's ladder loaded (Stabilise, Repair, Improve, Sustain) every intervention flow works.

The ladder file says which level brings which record: Improve a plan (REP / FREP), Repair a warning
notice, Stabilise the trust taking over (and, as the last level, re-brokerage)."""

from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from categorisation.models import Dimension, Level
from interventions import services
from interventions.models import RecordStatus
from tests.categorisation.factories import CategorisationFactory, half_term
from tests.interventions.scenario import default_recipients


@pytest.fixture
def character_trust(world):
    call_command("load_ladder", "character_trust.json", stdout=None)


def phase(dimension, code):
    return Level.objects.active().get(dimension=dimension, code=code)


def decide(world, school, dimension, code, on, half):
    return CategorisationFactory(
        school=school,
        level=phase(dimension, code),
        half_term=half_term(*half),
        decided_by=world.ceo,
        decided_at=timezone.make_aware(datetime.combine(on, datetime.min.time().replace(hour=12))),
    )


def test_a_rep_is_written_reviewed_extended_and_closed_with_that_ladders_outcome(world, character_trust):
    decide(world, world.school_a, Dimension.EDUCATION, "improve", date(2025, 11, 3), (2025, 2))
    rep = services.rep_open(
        school=world.school_a, written_on=date(2025, 11, 10), author=world.ceo, by=world.ceo
    )
    milestone = rep.milestones.first()
    services.rep_review_record(
        milestone=milestone, reviewed_on=date(2025, 11, 17), reviewers=[world.ceo, world.head_a],
        notes="On track.", on_track=True, by=world.ceo,
    )  # fmt: skip
    services.rep_extend(
        rep=rep,
        new_ends_on=date(2026, 1, 30),
        reason="More time.",
        granted_on=date(2025, 12, 1),
        by=world.ceo,
    )
    with pytest.raises(ValidationError, match="A REP ends with the school at Sustain or Repair"):
        services.rep_close(rep=rep, outcome="universal", closed_on=date(2026, 1, 9), by=world.ceo)
    decide(world, world.school_a, Dimension.EDUCATION, "sustain", date(2026, 1, 8), (2025, 3))
    rep = services.rep_close(rep=rep, outcome="sustain", closed_on=date(2026, 1, 9), by=world.ceo)
    assert (rep.status, rep.outcome_name) == (RecordStatus.CLOSED, "Sustain")


def test_a_frep_closes_with_that_ladders_outcome(world, character_trust):
    decide(world, world.school_a, Dimension.FINANCE, "improve", date(2025, 11, 3), (2025, 2))
    frep = services.frep_open(school=world.school_a, written_on=date(2025, 11, 10), by=world.cfo)
    directive = services.frep_directive_add(frep=frep, text="Budget", due_on=date(2025, 12, 1), by=world.cfo)
    services.frep_directive_record(directive=directive, status="missed", by=world.cfo)
    decide(world, world.school_a, Dimension.FINANCE, "repair", date(2026, 1, 8), (2025, 3))
    frep = services.frep_close(frep=frep, outcome="repair", closed_on=date(2026, 1, 9), by=world.cfo)
    assert frep.outcome_name == "Repair"


def _notice(world, dimension=Dimension.FINANCE):
    return services.notice_issue(
        school=world.school_a, dimension=dimension, issued_on=date(2026, 1, 12), grounds="Directives missed.",
        matters="Reserves at 2%.", period_ends_on=date(2026, 3, 27), consequence="Stabilise.",
        recipients=default_recipients(world.school_a, dimension),
        targets=[("Recovery budget", date(2026, 2, 6))], by=world.cfo,
    )  # fmt: skip


def test_a_notice_is_issued_only_at_that_ladders_notice_level_and_closes_with_its_outcome(
    world, character_trust
):
    decide(world, world.school_a, Dimension.FINANCE, "improve", date(2025, 11, 3), (2025, 2))
    with pytest.raises(ValidationError, match="stands at finance Improve .* only for a school at Repair"):
        _notice(world)
    decide(world, world.school_a, Dimension.FINANCE, "repair", date(2026, 1, 5), (2025, 3))
    notice = _notice(world)
    decide(world, world.school_a, Dimension.FINANCE, "stabilise", date(2026, 3, 30), (2025, 4))
    notice = services.notice_close(
        notice=notice, outcome="stabilise", closed_on=date(2026, 3, 31), by=world.cfo
    )
    assert notice.outcome_name == "Stabilise"


def test_a_board_forms_only_at_the_level_where_the_trust_takes_over(world, character_trust, client_as):
    members = [("Ann", "education"), ("Bo", "finance"), ("Cy", "governance")]

    def form():
        return services.board_form(
            school=world.school_a, dimension=Dimension.EDUCATION, formed_on=date(2026, 4, 20),
            members=members, by=world.ceo,
        )  # fmt: skip

    decide(world, world.school_a, Dimension.EDUCATION, "repair", date(2026, 1, 5), (2025, 3))
    with pytest.raises(ValidationError, match="only for a school at Stabilise"):
        form()
    decide(world, world.school_a, Dimension.EDUCATION, "stabilise", date(2026, 4, 13), (2025, 5))
    board = form()
    page = client_as(world.ceo).get(reverse("interventions:board_detail", args=[board.pk])).content.decode()
    assert "Education Stabilise" in page
    services.rebrokerage_conversation_record(
        school=world.school_a, held_on=date(2026, 5, 1), counterpart="both", people="CEO; LA",
        summary="Talks.", by=world.ceo,
    )  # fmt: skip
    board = services.board_close(
        board=board, closed_on=date(2026, 7, 1), note="Trust Board vote.", by=world.ceo
    )
    assert not board.is_open
