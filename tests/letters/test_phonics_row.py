"""The letter's one "Year 1 & 2 combined" phonics row, weighted by each check's cohort."""

from decimal import Decimal

import pytest

from kpis.measures import Measure
from letters.compose import letter_content
from tests.kpis.factories import ComparatorFactory, KpiResultFactory, year
from tests.letters.factories import draft_letter

pytestmark = pytest.mark.django_db


def test_the_two_phonics_checks_print_as_one_row_weighted_by_their_cohorts(world):
    results_year = year("2025-26")
    for measure, all_pupils, cohort, la in (
        (Measure.PHONICS_Y1, 80, 60, 78),
        (Measure.PHONICS_Y2, 50, 20, 60),
    ):
        KpiResultFactory(
            school=world.school_a,
            academic_year=results_year,
            measure=measure,
            all_pupils=Decimal(all_pupils),
            cohort=cohort,
            disadvantaged=None,
            disadvantaged_cohort=None,
            updated_by=world.ceo,
        )
        ComparatorFactory(
            measure=measure,
            academic_year=results_year,
            area="England",
            all_pupils=Decimal(la),
            updated_by=world.ceo,
        )
    rows = letter_content(draft_letter(world.school_a, world.ceo))["kpis"]
    phonics = [row for row in rows if "phonics" in row["measure"]]
    assert len(phonics) == 1
    row = phonics[0]
    assert row["measure"] == "Year 1 & 2 combined phonics screen"
    assert row["all"] == "72.5%", "(80 x 60 + 50 x 20) / 80 pupils"
    assert row["comparator_all"] == "73.5%", "the comparator weighted by the school's own cohorts"
    assert row["ppg"] == ""
