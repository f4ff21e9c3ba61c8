"""The trust overview printed as a board would print it: Chromium's own print to PDF, on the page size the
print stylesheet asks for, read back with pdftotext."""

import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone

from categorisation.models import Dimension
from schools.calendar import academic_year_ensure
from schools.models import HalfTerm, School
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser
from tests.categorisation.factories import CategorisationFactory, level
from tests.factories import SchoolFactory

pytestmark = pytest.mark.browser

A4_LANDSCAPE_POINTS = (841.89, 595.28)


def _six_half_terms_of_categories():
    """Thirteen schools with all three dimensions decided for six half-terms; the last school (by name) is
    Deficient in education in the current half-term only, so that word appears only in its last column."""
    today = timezone.localdate()
    academic_year_ensure(start_year=today.year if today.month >= 9 else today.year - 1)
    current = HalfTerm.objects.current()
    half_terms = list(HalfTerm.objects.filter(starts_on__lte=current.starts_on).order_by("-starts_on")[:6])
    for n in range(10):
        SchoolFactory(urn=f"3{n:05d}", name=f"Oakfield {n} Academy")
    SchoolFactory(urn="399999", name="Zephyr Vale Primary Academy")
    schools = list(School.objects.order_by("name"))
    for school in schools:
        for half_term in half_terms:
            for dimension in (Dimension.EDUCATION, Dimension.FINANCE, Dimension.SITE):
                code = "unacceptable" if dimension == Dimension.FINANCE else "poor"
                if school.name.startswith("Zephyr") and half_term == current and dimension == "education":
                    code = "deficient"
                CategorisationFactory(school=school, half_term=half_term, level=level(dimension, code))
    return current, schools[-1]


def test_the_printed_overview_shows_the_current_half_terms_column_on_a4_landscape(page, world, tmp_path):
    current, last_school = _six_half_terms_of_categories()
    sign_in_through_the_browser(page, world.ceo)
    page.goto(reverse("categorisation:overview"))
    assert_accessible(page)  # on screen first: each level's colours pass axe's contrast check
    page.emulate_media(media="print")
    # What fits the printed page: the grid is no wider than its region, so nothing is cut off at the right.
    assert page.evaluate(
        "(() => { const wrap = document.querySelector('.table-wrap');"
        " return wrap.scrollWidth <= wrap.clientWidth; })()"
    )
    pdf = tmp_path / "overview.pdf"
    # The page size comes from the print stylesheet's @page rule, as it would in the browser's print dialog.
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    width, height = (float(n) for n in size.split()[2:5:2])
    assert (round(width), round(height)) == tuple(round(n) for n in A4_LANDSCAPE_POINTS)

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert current.label in text
    # The last school's row, with its current education category: the sixth column is on the paper.
    row = [line for line in text.splitlines() if last_school.name in line and "Deficient" in line]
    assert row, text
    # Full level names, not "E Poo" / "F Una"; the menus and filters are left off the paper.
    assert "Unacceptable" in text and "E Poo" not in text
    assert "Half-terms shown" not in text and "Sign out" not in text
