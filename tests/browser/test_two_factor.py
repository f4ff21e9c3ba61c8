import re
from base64 import b32decode

import pytest
from django.core import mail
from django_otp.oath import totp
from playwright.sync_api import expect

from accounts.invitations import invitation_send
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser, visit
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def code_from_setup_key(text):
    key = text.replace(" ", "")
    return f"{totp(b32decode(key + '=' * (-len(key) % 8))):06d}"


def test_the_ceo_sets_up_two_factor_through_the_invitation_and_saves_recovery_codes(
    page, world, settings, live_server
):
    settings.PORTAL_BASE_URL = live_server.url
    world.ceo.set_unusable_password()
    world.ceo.save()
    invitation_send(person=world.ceo, by=None)
    link = re.search(r"https?://\S+/accounts/invitation/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_label("New password", exact=True).fill(PASSWORD)
    page.get_by_label("New password again").fill(PASSWORD)
    page.get_by_role("button", name="Save my password").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Set up two-factor authentication"
    expect(page.locator("svg.qr")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert").get_by_text("That code is not right")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Code from your authenticator app").fill(
        code_from_setup_key(page.inner_text("#setup-key"))
    )
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Your recovery codes"
    assert page.locator(".recovery-codes li").count() == 10
    assert_accessible(page)
    page.get_by_role("link", name="I have saved my codes: continue").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/"))  # through to the portal itself
    assert_accessible(page)


def test_a_trust_wide_person_signs_in_with_a_code_and_reads_the_record_of_access(page, world):
    sign_in_through_the_browser(page, world.ceo)
    page.get_by_role("link", name="Record of access").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Record of access"
    assert_accessible(page)
    page.get_by_label("From").fill("31/02/2026")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Sessions").click()
    assert_accessible(page)
    page.get_by_role("link", name="Two-factor authentication").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Two-factor authentication"
    assert_accessible(page)


def test_the_recovery_code_page_is_reachable_from_the_code_page(page, world):
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=world.cfo, name="Authenticator app", confirmed=True)
    StaticDevice.objects.create(user=world.cfo, name="Recovery codes", confirmed=True).token_set.create(
        token="abcd2345"
    )
    visit(page, "/accounts/sign-in/")
    page.get_by_label("Email address").fill(world.cfo.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert_accessible(page)
    page.get_by_role("link", name="I do not have my phone: use a recovery code").click()
    assert_accessible(page)
    page.get_by_label("Recovery code").fill("abcd2345")
    page.get_by_role("button", name="Continue").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/"))  # through to the portal itself
    expect(page.get_by_role("status").get_by_text("You used a recovery code; 0 left.")).to_be_visible()
    assert_accessible(page)


def test_a_trust_wide_account_without_an_app_is_not_shown_a_secret_after_a_bare_password(page, world):
    visit(page, "/accounts/sign-in/")
    page.get_by_label("Email address").fill(world.cfo.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Two-factor authentication is not set up yet"
    expect(page.locator("#setup-key")).to_have_count(0)
    expect(page.locator("svg.qr")).to_have_count(0)
    assert_accessible(page)
