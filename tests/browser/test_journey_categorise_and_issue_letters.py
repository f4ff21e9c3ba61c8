"""Journey 1: the CEO categorises the trust for a half-term and issues the letters (a real Celery worker makes
and sends them, as in production)."""

import pytest
from playwright.sync_api import expect

from categorisation.models import Categorisation
from letters.models import Letter, LetterStatus
from schools.models import HalfTerm
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser
from tests.letters.worker import celery_worker  # noqa: F401  (the real-worker fixture)

pytestmark = pytest.mark.browser

DIMENSIONS = ["Education", "Finance", "Site & H&S"]


@pytest.mark.worker
@pytest.mark.usefixtures("celery_worker")
def test_the_ceo_categorises_every_school_for_the_half_term_and_issues_the_letters(page, world):
    half_term = HalfTerm.objects.current()
    sign_in_through_the_browser(page, world.ceo)
    expect(page.get_by_role("heading", level=1)).to_have_text("To do")

    page.get_by_role("link", name=f"Categorise 2 schools for {half_term.label}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Categorise the schools, {half_term.label}")
    assert_accessible(page)

    for school in (world.school_a, world.school_b):
        for dimension in DIMENSIONS:
            page.get_by_label(f"{dimension} category for {school.name}").select_option(label="Universal")
    # School A's education moves to Concerning: a REP.
    page.get_by_label(f"Education category for {world.school_a.name}").select_option(label="Concerning")
    # Changing the category opens the school's row: the rationale is there (fetched by the page's script).
    page.get_by_label(f"Rationale for {world.school_a.name}, Education").fill(
        "Reading outcomes fell for the second year; the LA raised concerns in its visit."
    )
    page.get_by_role("button", name=f"Save the decisions for {half_term.label}").click()
    expect(page.get_by_role("status")).to_contain_text(f"Saved 6 decisions for {half_term.label}")
    assert_accessible(page)

    decided = Categorisation.objects.filter(half_term=half_term)
    assert decided.count() == 6
    assert decided.get(school=world.school_a, dimension="education").level.name == "Concerning"

    # The letters: drafts for every school, approve them all (the worker makes the PDFs), issue them all.
    page.get_by_role("link", name="Letters", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Letters for {half_term.label}")
    assert_accessible(page)
    page.get_by_role("button", name="Start drafts for the 2 schools without a letter").click()
    expect(page.get_by_role("status")).to_contain_text("2 draft letters started")
    assert_accessible(page)
    page.get_by_role("button", name="Approve all 2 drafts").click()
    expect(page.get_by_text("2 of 2 done.")).to_be_visible(timeout=90_000)  # the page follows the worker
    assert_accessible(page)
    page.get_by_role("link", name=f"Back to the letters for {half_term.label}").click()
    page.get_by_role("link", name="Issue all 2 approved letters").click()
    # Issue-all asks first, saying how many letters go to how many people (heads A and B, LSB chair A).
    expect(page.get_by_role("heading", level=1)).to_have_text("Issue 2 letters to 3 people?")
    assert_accessible(page)
    page.get_by_role("button", name="Yes, issue 2 letters to 3 people").click()
    expect(page.get_by_text("2 of 2 done.")).to_be_visible(timeout=90_000)
    assert_accessible(page)
    page.get_by_role("link", name=f"Back to the letters for {half_term.label}").click()
    expect(page.get_by_text("0 draft, 0 approved, 2 issued")).to_be_visible()
    assert_accessible(page)
    assert set(Letter.objects.filter(half_term=half_term).values_list("status", flat=True)) == {
        LetterStatus.ISSUED
    }
