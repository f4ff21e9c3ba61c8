from datetime import date, datetime

import pytest
from django.utils import timezone

from categorisation.models import Dimension
from interventions import services
from schools.roles import Role
from tests.categorisation.factories import CategorisationFactory, half_term, level
from tests.factories import person_with_role
from tests.interventions import scenario
from tests.letters.worker import celery_worker  # noqa: F401  (the real-worker fixture)

WRITTEN_ON = date(2025, 11, 10)


@pytest.fixture
def eht(world):
    return person_with_role(Role.EHT, email="eht@trust.example")


@pytest.fixture
def decide(world):
    """`decide(school, dimension, code, on)`: record the categorisation decision an outcome must match."""

    def _decide(school, dimension, code, on, half=(2025, 3)):
        return CategorisationFactory(
            school=school,
            level=level(dimension, code),
            half_term=half_term(*half),
            decided_by=world.ceo,
            decided_at=timezone.make_aware(datetime.combine(on, datetime.min.time().replace(hour=12))),
        )

    return _decide


def place(world, school, dimension, code, on=date(2025, 12, 15), half=(2025, 2)):
    """Stand `school` at level `code` from Autumn 2 (the category a notice or a board needs)."""
    return CategorisationFactory(
        school=school,
        level=level(dimension, code),
        half_term=half_term(*half),
        decided_by=world.ceo,
        decided_at=timezone.make_aware(datetime.combine(on, datetime.min.time().replace(hour=12))),
    )


@pytest.fixture
def rep(world, eht):
    """School A's REP, written by the EHT on 10 November 2025, with one action per milestone."""
    rep = services.rep_open(school=world.school_a, written_on=WRITTEN_ON, author=eht, by=eht)
    for milestone, owner in zip(
        rep.milestones.all(), [world.head_a, world.head_a, world.lsb_chair_a], strict=True
    ):
        services.rep_action_add(milestone=milestone, text=f"Action for {milestone}", owner=owner, by=eht)
    return rep


@pytest.fixture
def education_notice(world):
    place(world, world.school_a, Dimension.EDUCATION, "poor")
    return services.notice_issue(
        school=world.school_a,
        dimension=Dimension.EDUCATION,
        issued_on=date(2026, 1, 12),
        grounds="REP targets were not met.",
        matters="Week 6 actions not done.\nSafeguarding audit actions overdue.",
        period_ends_on=date(2026, 3, 27),
        consequence="The panel may vote to move the school to Unacceptable.",
        recipients=scenario.default_recipients(world.school_a, Dimension.EDUCATION),
        targets=[
            ("Single central record complete", date(2026, 2, 6)),
            ("New timetable in place", date(2026, 3, 20)),
        ],
        by=world.ceo,
    )
