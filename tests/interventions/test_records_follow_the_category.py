"""On the seed trust's ladder: each record opens only at its level, and a missing one is flagged."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from categorisation.models import Dimension
from interventions import services
from tests.interventions.conftest import place

MEMBERS = [("Ann", "education"), ("Bo", "finance"), ("Cy", "governance")]


def board(world, dimension=Dimension.EDUCATION):
    return services.board_form(
        school=world.school_a, dimension=dimension, formed_on=date(2026, 4, 20), members=MEMBERS, by=world.ceo
    )


def test_a_board_cannot_open_below_the_takes_over_level(world):
    with pytest.raises(ValidationError, match="no education category yet"):
        board(world)
    place(world, world.school_a, Dimension.EDUCATION, "poor")
    with pytest.raises(
        ValidationError, match="stands at education Poor .* only for a school at Unacceptable"
    ):
        board(world)
    place(world, world.school_a, Dimension.FINANCE, "unacceptable")
    with pytest.raises(ValidationError, match="education Poor"):
        board(world)  # the finance category does not open an education board
    assert board(world, Dimension.FINANCE).dimension == Dimension.FINANCE


def test_a_finance_notice_is_refused_for_a_school_only_in_concerning(world):
    place(world, world.school_b, Dimension.FINANCE, "concerning")
    with pytest.raises(ValidationError, match="stands at finance Concerning .* only for a school at Poor"):
        services.notice_issue(
            school=world.school_b, dimension=Dimension.FINANCE, issued_on=date(2026, 1, 12), grounds="g",
            matters="m", period_ends_on=date(2026, 3, 27), consequence="c", recipients=[world.head_b],
            targets=[("t", date(2026, 2, 6))], by=world.cfo,
        )  # fmt: skip


def test_rebrokerage_is_recorded_only_at_the_last_level(world):
    place(world, world.school_a, Dimension.EDUCATION, "unacceptable")

    def record():
        return services.rebrokerage_conversation_record(
            school=world.school_a, held_on=date(2026, 5, 1), counterpart="la", people="CEO", summary="s",
            by=world.ceo,
        )  # fmt: skip

    with pytest.raises(
        ValidationError, match="for a school at Deficient; .* stands at education Unacceptable"
    ):
        record()
    place(world, world.school_a, Dimension.EDUCATION, "deficient", on=date(2026, 4, 1), half=(2025, 3))
    assert record().pk


def test_the_overview_flags_missing_records_and_late_plans(world, eht):
    place(world, world.school_a, Dimension.EDUCATION, "unacceptable")
    place(world, world.school_b, Dimension.FINANCE, "poor")
    rep = services.rep_open(
        school=world.school_b,
        written_on=date(2025, 1, 6),
        author=eht,
        by=eht,
        sdp_expected_on=date(2025, 2, 1),
    )
    html = Template("{% load interventions %}{% interventions_deadlines %}").render(Context({}))
    assert "Education Unacceptable without an Improvement Board" in html
    assert "Finance Poor without a warning notice" in html
    assert "REP past its end date" in html and "SDP overdue" in html
    assert rep.ends_on < date.today()
