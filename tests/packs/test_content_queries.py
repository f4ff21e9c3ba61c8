"""Reading what a pack says runs a fixed number of queries, whatever the size of the trust: the worker
reads the E&S pack's KPI rows, the board's audit compliance and the F&R pack's reserves for every school
in one go."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kpis.measures import Measure
from packs.content import pack_content
from packs.models import PackKind
from schools.models import Phase, School
from schools.roles import Role
from tests.audits.factories import action_at
from tests.categorisation.factories import CategorisationFactory, FinanceFiguresFactory, half_term, level
from tests.factories import SchoolFactory, person_with_role
from tests.kpis.factories import ComparatorFactory, KpiResultFactory

pytestmark = pytest.mark.django_db

MEASURES = (Measure.KS2_RWM, Measure.EYFS_GLD, Measure.PHONICS_Y1)
LEVELS = {"education": ("universal", "concerning"), "finance": ("concerning", "universal")}
# Each school moves in education and in finance: the board sees both moves, each committee its own.
MOVES_A_SCHOOL = {PackKind.TRUST_BOARD: 2, PackKind.EDUCATION_STANDARDS: 1, PackKind.FINANCE_RISK: 1}


def add_schools(count):
    """Schools with KPI results, two half-terms of categories (a move in education and in finance),
    finance figures and an audit action, as every school of the demo trust has."""
    before, now = half_term(2026, 1), half_term(2026, 2)
    for _ in range(count):
        school = SchoolFactory(phase=Phase.PRIMARY, urn=str(300000 + School.objects.count()))
        for measure in MEASURES:
            KpiResultFactory(school=school, measure=measure)
        for dimension, (then, later) in LEVELS.items():
            CategorisationFactory(school=school, level=level(dimension, then), half_term=before)
            CategorisationFactory(school=school, level=level(dimension, later), half_term=now)
        FinanceFiguresFactory(school=school, half_term=now)
        action_at(school, owner=person_with_role(Role.HEADTEACHER, school))


def queries_to_read(kind):
    now = half_term(2026, 2)
    today = now.starts_on + timedelta(days=10)
    with CaptureQueriesContext(connection) as captured:
        content = pack_content(kind=kind, meeting_on=today, half_term=now, today=today)
    return len(captured), content


@pytest.mark.parametrize("kind", list(PackKind))
def test_each_packs_content_is_read_in_the_same_queries_for_ten_schools_or_forty(world, kind):
    for measure in MEASURES:
        ComparatorFactory(measure=measure)
    add_schools(10)
    queries_to_read(kind)  # the trust and the ladder, cached for the process
    few, small = queries_to_read(kind)
    add_schools(30)
    many, large = queries_to_read(kind)

    assert many == few
    assert len(large["grid"]["dimensions"][0]["rows"]) == len(small["grid"]["dimensions"][0]["rows"]) + 30
    assert len(large["moves"]) == len(small["moves"]) + 30 * MOVES_A_SCHOOL[kind]
    if kind == PackKind.EDUCATION_STANDARDS:
        assert len(large["kpis"]["rows"]) == len(small["kpis"]["rows"]) + 30 * len(MEASURES)
    if kind == PackKind.FINANCE_RISK:
        assert len(large["reserves"]["schools"]) == len(small["reserves"]["schools"]) + 30
