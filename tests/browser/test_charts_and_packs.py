"""Pages with charts pass axe, and the governance professional makes a pack through the browser."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from packs.document import pack_pdf_render
from packs.models import Pack
from schools.models import AcademicYear, Trust
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser, visit
from tests.categorisation.factories import CategorisationFactory, FinanceFiguresFactory, half_term, level
from tests.kpis.factories import ComparatorFactory, KpiResultFactory

pytestmark = pytest.mark.browser


def test_pages_with_charts_and_the_pack_pages_pass_axe(page, world):
    Trust.objects.filter(pk=Trust.objects.get_current().pk).update(comparator_local_authority="Essex")
    for start in (2025, 2026):
        year = AcademicYear.objects.get(starts_on__year=start)
        KpiResultFactory(school=world.school_a, academic_year=year, all_pupils=Decimal(60 + start - 2025))
        ComparatorFactory(academic_year=year)
    CategorisationFactory(
        school=world.school_a, level=level("education", "concerning"), half_term=half_term(2026, 1)
    )
    FinanceFiguresFactory(school=world.school_a, half_term=half_term(2026, 1), reserves=Decimal("25000"))
    sign_in_through_the_browser(page, world.governance_professional)

    visit(page, f"/kpis/schools/{world.school_a.urn}/")
    assert page.locator('svg[role="img"]').count() == 1
    visit(page, f"/categorisation/schools/{world.school_a.urn}/")
    visit(page, "/kpis/")
    assert page.locator('svg[role="img"]').count() == 1

    visit(page, "/packs/")
    page.get_by_role("link", name="Make a pack").click()
    page.wait_for_load_state()
    page.get_by_label("Finance & Risk Committee").check()
    page.get_by_label("Date of the meeting").fill(f"{timezone.localdate() + timedelta(days=7):%Y-%m-%d}")
    page.get_by_role("button", name="Make the pack").click()
    page.wait_for_load_state()
    assert page.get_by_text("Waiting for a worker").is_visible()
    assert_accessible(page)
    pack_pdf_render(pack_id=Pack.objects.get().pk)
    page.reload()
    assert page.get_by_role("link", name="Download the pack").is_visible()
