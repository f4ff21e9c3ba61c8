"""A peer review in the browser: the school lead finds it on their to-do page and sends the focus; the CEO
plans the next one from the schedule. Every page is checked with axe."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from peer_reviews.models import PeerReview, ReviewStatus
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser, visit
from tests.peer_reviews import scenario

pytestmark = pytest.mark.browser


def test_the_school_lead_sends_the_focus_from_the_to_do_page_and_the_ceo_plans_from_the_schedule(page, world):
    review = scenario.planned(world, review_on=timezone.localdate() + timedelta(days=10))
    sign_in_through_the_browser(page, world.head_a)
    page.get_by_role("link", name=re.compile("send the focus and key questions")).click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_role("link", name="Send the focus and key questions").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Send to the CEO").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter the area to focus on.")
    assert_accessible(page)
    page.get_by_label("Area to focus on").fill("Early reading")
    page.get_by_label("Key questions").fill("Is phonics taught consistently?\nDo the books match?")
    page.get_by_role("button", name="Send to the CEO").click()
    page.wait_for_load_state()
    expect(page.get_by_role("status")).to_contain_text("Focus and questions sent")
    assert_accessible(page)
    review.refresh_from_db()
    assert review.status == ReviewStatus.FOCUS_SENT

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    sign_in_through_the_browser(page, world.ceo)
    visit(page, "/peer-reviews/schedule/")
    page.get_by_role("link", name=f"Plan {world.school_b.name}'s review").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_label("Day of the review").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Plan the review").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Peer review")
    assert_accessible(page)
    assert PeerReview.objects.filter(school=world.school_b).exists()
