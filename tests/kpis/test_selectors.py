from decimal import Decimal

import pytest

from kpis.measures import Measure
from kpis.selectors import kpi_rows_for, kpi_table_for
from schools.models import HalfTerm, Phase
from tests.factories import SchoolFactory
from tests.kpis.factories import ComparatorFactory, KpiResultFactory, year

pytestmark = pytest.mark.django_db


def half_term(name, number):
    return HalfTerm.objects.get(academic_year=year(name), number=number)


def test_a_row_carries_the_school_figures_and_the_local_authority_comparator(world, essex):
    KpiResultFactory(school=world.school_a, cohort=30, disadvantaged_cohort=10)
    ComparatorFactory(area="Essex", all_pupils=Decimal("63"), disadvantaged=Decimal("44"))
    ComparatorFactory(
        area="National", all_pupils=Decimal("61"), disadvantaged=Decimal("46"), figure_year=2025
    )

    [row] = kpi_rows_for(school=world.school_a, academic_year=year("2025-26"))

    assert row.measure == "KS2 reading, writing and maths combined (expected standard)"
    assert (row.all_pupils, row.disadvantaged, row.cohort, row.disadvantaged_cohort) == (
        Decimal("72.0"),
        Decimal("50.0"),
        30,
        10,
    )
    assert (row.comparator_label, row.comparator_value, row.disadvantaged_comparator_value) == (
        "Essex",
        Decimal("63.0"),
        Decimal("44.0"),
    )
    assert row.national.label == "National 2025" and row.unit == "%" and row.period == "2025-26"
    assert row.small_cohort is False


def test_the_national_figure_and_its_year_stand_in_when_the_local_authority_has_none(world, essex):
    KpiResultFactory(school=world.school_a, measure=Measure.MTC_AVERAGE, all_pupils=Decimal("21"))
    ComparatorFactory(
        measure=Measure.MTC_AVERAGE, area="National", all_pupils=Decimal("20.6"), figure_year=2024
    )
    ComparatorFactory(measure=Measure.MTC_AVERAGE, area="Kent", all_pupils=Decimal("19"))

    [row] = kpi_rows_for(school=world.school_a, academic_year=year("2025-26"))

    assert (row.comparator_label, row.comparator_value, row.unit) == (
        "National 2024",
        Decimal("20.6"),
        "score",
    )


@pytest.mark.parametrize(
    ("cohort", "disadvantaged_cohort", "all_small", "disadvantaged_small"),
    [(30, 10, False, False), (30, 5, False, True), (5, 2, True, True), (6, 6, False, False)],
)
def test_cohorts_of_fewer_than_six_pupils_are_flagged(
    world, essex, cohort, disadvantaged_cohort, all_small, disadvantaged_small
):
    KpiResultFactory(school=world.school_a, cohort=cohort, disadvantaged_cohort=disadvantaged_cohort)

    [row] = kpi_rows_for(school=world.school_a, academic_year=year("2025-26"))

    assert (row.all_pupils_small_cohort, row.disadvantaged_small_cohort) == (all_small, disadvantaged_small)
    assert row.small_cohort is (all_small or disadvantaged_small)


def test_a_measure_that_does_not_apply_to_the_phase_is_absent(world, essex):
    nursery = SchoolFactory(phase=Phase.NURSERY)
    KpiResultFactory(school=nursery, measure=Measure.KS2_RWM)
    KpiResultFactory(
        school=nursery,
        measure=Measure.ATTENDANCE,
        half_term=half_term("2025-26", 1),
        all_pupils=Decimal("94"),
    )

    rows = kpi_rows_for(school=nursery, academic_year=year("2025-26"))

    assert [r.code for r in rows] == [Measure.ATTENDANCE]


def test_a_measure_the_school_had_last_year_but_not_this_year_shows_as_not_recorded(world, essex):
    KpiResultFactory(school=world.school_a, academic_year=year("2025-26"), measure=Measure.EYFS_GLD)

    [row] = kpi_rows_for(school=world.school_a, academic_year=year("2026-27"))

    assert row.code == Measure.EYFS_GLD and row.all_pupils is None and row.small_cohort is False


def test_attendance_is_year_to_date_at_the_half_term_asked_for(world, essex):
    for number, figure in [(1, "96.1"), (2, "95.4"), (3, "95.0")]:
        KpiResultFactory(
            school=world.school_a,
            measure=Measure.ATTENDANCE,
            half_term=half_term("2025-26", number),
            all_pupils=Decimal(figure),
        )
    KpiResultFactory(school=world.school_a, academic_year=year("2025-26"))  # KS2

    rows = kpi_rows_for(
        school=world.school_a, academic_year=year("2025-26"), half_term=half_term("2025-26", 2)
    )
    latest = kpi_rows_for(school=world.school_a, academic_year=year("2025-26"))

    assert [r.code for r in rows] == [Measure.KS2_RWM, Measure.ATTENDANCE]
    assert (rows[1].all_pupils, rows[1].period) == (Decimal("95.4"), "Aut 2, 2025")
    assert (latest[1].all_pupils, latest[1].period) == (Decimal("95.0"), "Spr 1, 2026")


def test_the_letters_rows_take_three_queries_whatever_the_number_of_measures(
    world, essex, django_assert_num_queries
):
    for measure in Measure:
        if measure != Measure.ATTENDANCE:
            KpiResultFactory(school=world.school_a, measure=measure)
            ComparatorFactory(measure=measure)
    for number in range(1, 7):
        KpiResultFactory(
            school=world.school_a, measure=Measure.ATTENDANCE, half_term=half_term("2025-26", number)
        )
    school = type(world.school_a).objects.get(pk=world.school_a.pk)
    the_year, the_half_term = year("2025-26"), half_term("2025-26", 4)

    with django_assert_num_queries(3):
        rows = kpi_rows_for(school=school, academic_year=the_year, half_term=the_half_term)

    assert len(rows) == 7 and rows[-1].period == "Spr 2, 2026"


def test_the_trust_table_takes_two_queries_and_marks_what_does_not_apply(
    world, essex, django_assert_num_queries
):
    nursery = SchoolFactory(phase=Phase.NURSERY, name="Zed Nursery")
    KpiResultFactory(school=world.school_a, cohort=4)
    KpiResultFactory(
        school=nursery,
        measure=Measure.ATTENDANCE,
        half_term=half_term("2025-26", 1),
        all_pupils=Decimal("93"),
    )
    KpiResultFactory(
        school=nursery,
        measure=Measure.ATTENDANCE,
        half_term=half_term("2025-26", 2),
        all_pupils=Decimal("94"),
    )
    the_year = year("2025-26")
    schools = type(nursery).objects.order_by("name")

    with django_assert_num_queries(2):
        measures, rows = kpi_table_for(academic_year=the_year, schools=schools)

    by_school = {school: cells for school, cells in rows}
    assert by_school[world.school_a][0].small_cohort is True
    assert by_school[nursery][0].applies is False
    assert by_school[nursery][-1].result.all_pupils == Decimal("94")


def test_a_school_is_compared_with_its_own_phases_figure_when_there_is_one(world, essex):
    secondary = SchoolFactory(phase=Phase.SECONDARY, urn="100050")
    for school in (world.school_a, secondary):
        KpiResultFactory(
            school=school,
            measure=Measure.ATTENDANCE,
            half_term=half_term("2025-26", 1),
            all_pupils=Decimal("93"),
        )
    ComparatorFactory(measure=Measure.ATTENDANCE, area="Essex", phase="", all_pupils=Decimal("93.4"))
    ComparatorFactory(
        measure=Measure.ATTENDANCE, area="Essex", phase=Phase.SECONDARY, all_pupils=Decimal("91.2")
    )

    [primary_row] = kpi_rows_for(school=world.school_a, academic_year=year("2025-26"))
    [secondary_row] = kpi_rows_for(school=secondary, academic_year=year("2025-26"))

    assert (primary_row.comparator_label, primary_row.comparator_value) == ("Essex", Decimal("93.4"))
    assert (secondary_row.comparator_label, secondary_row.comparator_value) == ("Essex", Decimal("91.2"))
