"""Journey 1: the CEO categorises the trust for a half-term (and issues the letters: see the note below)."""

import pytest
from playwright.sync_api import expect

from categorisation.models import Categorisation
from schools.models import HalfTerm
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser

pytestmark = pytest.mark.browser

DIMENSIONS = ["Education", "Finance", "Site & H&S"]


def test_the_ceo_categorises_every_school_for_the_half_term(page, world):
    half_term = HalfTerm.objects.current()
    sign_in_through_the_browser(page, world.ceo)
    expect(page.get_by_role("heading", level=1)).to_have_text("Trust overview")

    page.get_by_role("link", name=f"Categorise the schools for {half_term.label}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Categorise the schools, {half_term.label}")
    assert_accessible(page)

    for school in (world.school_a, world.school_b):
        for dimension in DIMENSIONS:
            page.get_by_label(f"{dimension} category for {school.name}").select_option(
                label="Universal: Core Offer"
            )
    # School A's education moves to Concerning: a REP.
    page.get_by_label(f"Education category for {world.school_a.name}").select_option(
        label="Concerning: Rapid Enhancement Plan (REP)"
    )
    page.get_by_label(f"Rationale for {world.school_a.name}, Education").fill(
        "Reading outcomes fell for the second year; the LA raised concerns in its visit."
    )
    page.get_by_role("button", name=f"Save the decisions for {half_term.label}").click()
    expect(page.get_by_role("status")).to_contain_text(f"Saved 6 decisions for {half_term.label}")
    assert_accessible(page)

    decided = Categorisation.objects.filter(half_term=half_term)
    assert decided.count() == 6
    assert decided.get(school=world.school_a, dimension="education").level.name == "Concerning"
