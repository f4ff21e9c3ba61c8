import re

import pytest
from playwright.sync_api import expect

from letters.models import DirectiveStatus
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser
from tests.letters.factories import directive, sent_letter

pytestmark = pytest.mark.browser


def test_a_failed_report_moves_focus_to_the_error_summary_and_a_good_one_returns_to_the_to_do_page(
    page, world
):
    letter = sent_letter(world.school_a, world.ceo)
    d = directive(letter, world.ceo, text="Publish the behaviour policy")

    sign_in_through_the_browser(page, world.head_a)
    expect(page.get_by_role("heading", level=1)).to_have_text("To do")
    page.get_by_role("link", name=re.compile("Publish the behaviour policy")).click()
    page.wait_for_load_state()
    assert_accessible(page)

    page.get_by_label("Date it was done").fill("")
    page.get_by_role("button", name=re.compile(r"^Report done")).click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Say what the school did.")
    assert_accessible(page)

    # The link in the summary takes the keyboard to the field; the form goes back to the letter.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_label("What was done")).to_be_focused()
    page.get_by_label("What was done").fill("Published on the website.")
    page.get_by_label("Date it was done").fill(letter.issued_at.strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_load_state()
    expect(page.get_by_role("status")).to_contain_text("The CEO will review your report")
    assert f"/letters/{letter.pk}/" in page.url
    d.refresh_from_db()
    assert d.status == DirectiveStatus.REPORTED_DONE

    page.get_by_role("link", name="To do", exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_text("Publish the behaviour policy")).to_have_count(0)
    assert_accessible(page)
