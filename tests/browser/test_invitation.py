"""The CEO appoints a new head from the People pages; the head uses the emailed invitation once."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser, visit

pytestmark = pytest.mark.browser

NEW_PASSWORD = "marigold-canal-teapot-19"


def test_the_ceo_appoints_a_head_who_uses_the_invitation_once_and_lands_on_their_to_do_page(
    page, world, live_server, settings
):
    settings.PORTAL_BASE_URL = live_server.url
    sign_in_through_the_browser(page, world.ceo)
    page.get_by_role("link", name="People").click()
    assert page.get_by_role("heading", level=1).inner_text() == "People"
    assert_accessible(page)
    page.get_by_role("link", name="Appoint a person").click()
    assert_accessible(page)
    page.get_by_label("Email address").fill("nia.adebayo@trust.example")
    page.get_by_label("First name").fill("Nia")
    page.get_by_label("Last name").fill("Adebayo")
    page.get_by_label("Role").select_option(label="Headteacher")
    page.get_by_label("School").select_option(label=world.school_b.name)
    page.get_by_label("Start date").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Appoint").click()
    expect(
        page.get_by_text("Appointed Nia Adebayo as Headteacher and sent them an invitation.")
    ).to_be_visible()
    expect(page.get_by_text("Invitation pending")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    (message,) = mail.outbox
    assert message.to == ["nia.adebayo@trust.example"]
    link = re.search(r"https?://\S+/accounts/invitation/\S+/", message.body).group(0)
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "Choose your password"
    assert_accessible(page)
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save my password").click()
    expect(page).to_have_url(re.compile(r"/todo/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "To do"
    assert_accessible(page)
    page.get_by_role("link", name="Your school", exact=True).click()
    page.get_by_role("link", name=world.school_b.name).first.click()
    assert page.get_by_role("heading", level=1).inner_text() == world.school_b.name
    assert User.objects.get(email="nia.adebayo@trust.example").check_password(NEW_PASSWORD)

    page.get_by_role("button", name="Sign out").click()
    response = page.goto(link)
    assert response.status == 410
    assert page.get_by_role("heading", level=1).inner_text() == "This invitation link cannot be used"
    assert_accessible(page)


def test_a_head_resets_a_forgotten_password_from_the_sign_in_page(page, world):
    visit(page, "/accounts/sign-in/")
    page.get_by_role("link", name="Forgotten your password?").click()
    assert_accessible(page)
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("alert").get_by_text("Enter your email address")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Email address").fill(world.head_a.email)
    page.get_by_role("button", name="Send the link").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"
    assert_accessible(page)
    path = re.search(r"/accounts/password/reset/\S+/", mail.outbox[0].body).group(0)
    visit(page, path)
    assert page.get_by_role("heading", level=1).inner_text() == "Choose a new password"
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save my new password").click()
    assert page.get_by_role("heading", level=1).inner_text() == "To do"
    page.get_by_role("link", name="Change password").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Change your password"
    assert_accessible(page)


def test_the_ceo_ends_a_heads_appointment_with_a_reason(page, world):
    sign_in_through_the_browser(page, world.ceo)
    visit(page, "/accounts/people/")
    page.get_by_role("link", name=f"End {world.head_b.display_name}'s appointment as Headteacher").click()
    assert page.get_by_role("heading", level=1).inner_text() == "End an appointment"
    page.get_by_role("button", name="End the appointment").click()
    expect(page.get_by_role("alert").get_by_text("Say why the appointment ends")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Why it ends").fill("Left the trust on 31 March")
    page.get_by_role("button", name="End the appointment").click()
    expect(page.get_by_text("They have been signed out.")).to_be_visible()
    expect(page.get_by_text("ended", exact=False).first).to_be_visible()
    assert_accessible(page)
