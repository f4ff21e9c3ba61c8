"""The pages that carry a chart draw it inline, labelled, with its figures in a table beside it."""

import re
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from schools.models import AcademicYear, Trust
from tests.categorisation.factories import CategorisationFactory, FinanceFiguresFactory, half_term, level
from tests.kpis.factories import ComparatorFactory, KpiResultFactory

pytestmark = pytest.mark.django_db


def charts_in(page):
    return re.findall(r'<svg [^>]*role="img" aria-labelledby="([^"]+)"', page)


def test_the_school_kpi_page_draws_each_measures_trend_against_the_comparator(world, client_as):
    Trust.objects.filter(pk=Trust.objects.get_current().pk).update(comparator_local_authority="Essex")
    for start, figure in ((2025, "68.0"), (2026, "72.0")):
        year = AcademicYear.objects.get(starts_on__year=start)
        KpiResultFactory(school=world.school_a, academic_year=year, all_pupils=Decimal(figure))
        ComparatorFactory(academic_year=year)
    page = client_as(world.head_a).get(reverse("kpis:school", args=[world.school_a.urn])).content.decode()
    assert charts_in(page) == ["kpi-ks2_rwm-title kpi-ks2_rwm-desc"]
    assert "Ashdown Primary Academy: PPG" in page and "Essex: all pupils" in page
    assert (
        '<th scope="row" class="chart__row">2026-27</th><td class="num">72%</td><td class="num">50%</td>'
        in page
    )
    assert "-22 points" in page  # the PPG gap, in the table beside the chart


@time_machine.travel("2026-12-02 10:00", tick=False)
def test_the_school_categories_page_draws_the_categories_over_time(world, client_as):
    CategorisationFactory(
        school=world.school_a, level=level("education", "concerning"), half_term=half_term(2026, 1)
    )
    page = (
        client_as(world.lsb_chair_a).get(reverse("categorisation:school", args=[world.school_a.urn])).content
    )
    page = page.decode()
    assert charts_in(page) == ["categories-title categories-desc"]
    assert "Latest: education Concerning (Aut 1, 2026)." in page


def test_the_kpi_table_draws_reserves_against_the_three_and_five_percent_lines(world, client_as):
    FinanceFiguresFactory(school=world.school_a, half_term=half_term(2026, 1), reserves=Decimal("25000"))
    page = client_as(world.trustee).get(reverse("kpis:trust_table")).content.decode()
    assert charts_in(page) == ["reserves-title reserves-desc"]
    assert "3% (below: Poor)" in page and "5% (Universal)" in page
    assert "Below 3%: Ashdown Primary Academy." in page and "£25,000" in page


def test_the_overview_draws_the_count_of_schools_at_each_level_by_half_term(world, client_as):
    CategorisationFactory(
        school=world.school_a, level=level("education", "poor"), half_term=half_term(2026, 1)
    )
    page = client_as(world.ceo).get(
        reverse("categorisation:overview") + f"?half_term={half_term(2026, 1).pk}"
    )
    page = page.content.decode()
    assert "levels-education-title levels-education-desc" in charts_in(page)
    assert "Schools at each level by half-term" in page


def test_a_school_with_no_figures_gets_no_empty_chart(world, client_as):
    page = client_as(world.head_a).get(reverse("kpis:school", args=[world.school_a.urn])).content.decode()
    assert charts_in(page) == []
