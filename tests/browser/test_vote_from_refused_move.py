"""From a move the half-term screen refuses because it needs a vote, the CEO opens the pre-filled vote in
one click, and the panel is seated."""

import pytest
from playwright.sync_api import expect

from categorisation.models import Vote
from schools.models import HalfTerm
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser
from tests.categorisation.factories import CategorisationFactory, level

pytestmark = pytest.mark.browser

MOTION = "Two of the five warning-notice targets were not met by the end of the notice period."


def test_the_ceo_opens_the_prefilled_vote_in_one_click_from_the_refused_move(page, world):
    half_term = HalfTerm.objects.current()
    CategorisationFactory(
        school=world.school_a, half_term=half_term.previous(), level=level("education", "poor")
    )
    unacceptable = level("education", "unacceptable")
    sign_in_through_the_browser(page, world.ceo)
    page.goto(f"/categorisation/decide/?half_term={half_term.pk}")
    page.get_by_label(f"Education category for {world.school_a.name}").select_option(str(unacceptable.pk))
    page.get_by_label(f"Rationale for {world.school_a.name}, Education").fill(MOTION)
    page.get_by_role("button", name=f"Save the decisions for {half_term.label}").click()
    expect(page.get_by_role("alert")).to_contain_text("needs a vote by the CEO, the LSB chair")
    assert_accessible(page)

    # One click from the refusal to the vote form, holding the school, the level and the motion.
    page.get_by_role("link", name=f"Open the vote for {world.school_a.name}, Education").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open a vote")
    expect(page.get_by_text(world.school_a.name).first).to_be_visible()
    expect(page.get_by_label("Proposed category")).to_have_value(str(unacceptable.pk))
    expect(page.get_by_label("Motion")).to_have_value(MOTION)
    options = page.get_by_label("Proposed category").locator("option").all_inner_texts()
    assert all(text.startswith("Education:") for text in options[1:]) and len(options) == 6
    assert_accessible(page)

    page.get_by_role("button", name="Open the vote").click()
    expect(page.get_by_role("status")).to_contain_text("3 members on the panel have been emailed a link")
    assert_accessible(page)
    vote = Vote.objects.get()
    assert (vote.school, vote.proposed_level, vote.motion) == (world.school_a, unacceptable, MOTION)
    assert {m.person for m in vote.members.all()} == {world.ceo, world.head_a, world.lsb_chair_a}
