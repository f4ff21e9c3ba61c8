import pytest

from kpis.models import KpiResult
from schools.models import Trust
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser, visit
from tests.kpis.factories import ComparatorFactory
from tests.kpis.files import KPI_HEADER, as_csv

pytestmark = pytest.mark.browser


def test_the_ceo_imports_kpis_from_a_file_checks_the_preview_and_sees_them(page, world):
    Trust.objects.filter(pk=Trust.objects.get_current().pk).update(comparator_local_authority="Essex")
    ComparatorFactory()
    rows = [KPI_HEADER, [world.school_a.urn, "Ashdown", "2025-26", "ks2_rwm", "", "72", "50", "30", "4"]]
    sign_in_through_the_browser(page, world.ceo)

    visit(page, "/kpis/imports/kpi-results/")
    page.get_by_label("The completed template").set_input_files(
        files=[{"name": "kpis.csv", "mimeType": "text/csv", "buffer": as_csv(rows)}]
    )
    page.get_by_role("button", name="Upload and preview").click()
    page.wait_for_load_state()
    assert page.get_by_text("1 added, 0 changed, 0 unchanged").is_visible()
    assert_accessible(page)
    assert not KpiResult.objects.exists()

    page.get_by_role("button", name="Confirm and save").click()
    page.wait_for_load_state()
    assert page.get_by_text("KPI results saved: 1 added").is_visible()
    visit(page, f"/kpis/schools/{world.school_a.urn}/?year=2025-26")
    assert page.get_by_text("Essex: 63%").is_visible() and page.get_by_text("Small cohort").first.is_visible()
    visit(page, "/kpis/?year=2025-26")
