"""The KPI table's download: a row per school and measure, for the year the page shows."""

from decimal import Decimal

from django.urls import reverse

from kpis.measures import ORDER, Measure
from schools.models import Phase
from tests.downloads import as_dicts, download, table
from tests.factories import SchoolFactory
from tests.kpis.factories import KpiResultFactory, year


def test_the_kpi_download_holds_each_schools_figures_for_the_year(world, client_as):
    KpiResultFactory(school=world.school_a, measure=Measure.KS2_RWM, cohort=4, disadvantaged_cohort=2)
    KpiResultFactory(school=world.school_a, measure=Measure.KS2_RWM, academic_year=year("2026-27"))
    SchoolFactory(urn="600001", name="Hillcrest Secondary", phase=Phase.SECONDARY)
    url = reverse("kpis:trust_table_export")
    for fmt in ("csv", "xlsx"):
        rows = as_dicts(table(download(client_as(world.ceo), url, fmt, year="2025-26")))
        assert len(rows) == 3 * len(ORDER)
        ks2 = next(
            r for r in rows if r["School"] == world.school_a.name and r["Measure"] == Measure.KS2_RWM.label
        )
        assert Decimal(str(ks2["All pupils"])) == Decimal("72.0")
        assert Decimal(str(ks2["Disadvantaged (PPG)"])) == Decimal("50.0")
        assert str(ks2["Pupils in the cohort"]) == "4" and ks2["Small cohort"] == "Yes" and ks2["Unit"] == "%"
        not_recorded = next(
            r for r in rows if r["School"] == world.school_b.name and r["Measure"] == Measure.KS2_RWM.label
        )
        assert not_recorded["All pupils"] in ("", None)
        secondary = next(
            r for r in rows if r["School"] == "Hillcrest Secondary" and r["Measure"] == Measure.KS2_RWM.label
        )
        assert secondary["All pupils"] == "n/a"


def test_the_kpi_table_links_to_its_download_for_the_year_shown(world, client_as):
    page = client_as(world.ceo).get(reverse("kpis:trust_table"), {"year": "2025-26"}).content.decode()
    assert f"{reverse('kpis:trust_table_export')}?year=2025-26&amp;format=xlsx" in page
