import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in_through_the_browser, visit

pytestmark = pytest.mark.browser


def test_a_head_signs_in_and_lands_on_their_to_do_page_with_their_school_in_the_menu(page, world):
    sign_in_through_the_browser(page, world.head_a)
    assert page.get_by_role("heading", level=1).inner_text() == "To do"
    page.get_by_role("link", name="Your school", exact=True).click()
    page.get_by_role("link", name="Ashdown Primary Academy").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Ashdown Primary Academy"


def test_a_wrong_password_is_refused_and_the_email_kept(page, world):
    visit(page, "/accounts/sign-in/")
    page.get_by_label("Email address").fill(world.head_a.email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert").get_by_text("There is a problem")).to_be_visible()
    assert page.get_by_label("Email address").input_value() == world.head_a.email
    assert_accessible(page)


def test_the_ceo_signs_in_and_reads_the_schools_list_and_a_school(page, world):
    sign_in_through_the_browser(page, world.ceo)
    visit(page, "/schools/")
    page.get_by_role("link", name="Brookfield Primary").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Brookfield Primary"
    assert_accessible(page)


def test_the_accessibility_check_fails_on_a_serious_violation(page):
    page.set_content('<!doctype html><html lang="en"><title>t</title><main><img src="data:,"></main></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)
