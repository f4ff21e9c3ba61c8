import pytest
from playwright.sync_api import expect

from notifications.selectors import wants_digest
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser

pytestmark = pytest.mark.browser


def test_a_head_chooses_one_email_a_day_from_the_header_and_a_missing_choice_is_focused(page, world):
    sign_in_through_the_browser(page, world.head_a)
    page.get_by_role("link", name="Your emails").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your emails")
    assert_accessible(page)

    page.evaluate("document.querySelectorAll('input[name=how]').forEach(i => i.checked = false)")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Choose an email each time or one email a day.")
    assert_accessible(page)

    page.get_by_label("One email a day", exact=False).check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    expect(page.get_by_role("status")).to_contain_text("You will get one email a day.")
    assert_accessible(page)
    assert wants_digest(world.head_a)
