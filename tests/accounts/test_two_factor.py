import re
from base64 import b32decode

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD

SETUP = reverse("accounts:mfa_setup")
VERIFY = reverse("accounts:mfa_verify")
RECOVERY = reverse("accounts:mfa_recovery")


def code_for(device):
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def through_a_reset_link(client, person):
    """Choose a new password from a password-reset link, as the emailed link does: the only way (with an
    invitation) to set up a first authenticator app. Leaves the person signed in with the password only."""
    link = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": default_token_generator.make_token(person),
        },
    )
    form_page = client.get(link)
    assert form_page.status_code == 302
    response = client.post(form_page["Location"], {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302, response.content.decode()
    return client


def password_only(client, person):
    assert client.post(
        reverse("accounts:login"), {"username": person.email, "password": PASSWORD}
    ).status_code
    return client


@pytest.mark.django_db
def test_the_set_up_page_shows_a_qr_code_and_the_key_as_text(world, client):
    page = through_a_reset_link(client, world.ceo).get(SETUP).content.decode()
    device = TOTPDevice.objects.get(user=world.ceo, confirmed=False)
    key = re.search(r'id="setup-key">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    assert b32decode(key + "=" * (-len(key) % 8)) == device.bin_key
    assert "<svg" in page and "QR code for your authenticator app" in page
    assert "<img" not in page  # inline SVG: nothing fetched


@pytest.mark.django_db
def test_a_wrong_code_at_set_up_is_refused_with_what_to_do_and_the_key_stays_the_same(world, client):
    through_a_reset_link(client, world.ceo).get(SETUP)
    key = TOTPDevice.objects.get(user=world.ceo).key
    response = client.post(SETUP, {"code": "000000"})
    assert "That code is not right" in response.content.decode()
    assert 'value="000000"' in response.content.decode()
    assert TOTPDevice.objects.get(user=world.ceo).key == key
    response = client.post(SETUP, {"code": "12ab"})
    assert "Enter the code as 6 digits, like 123456." in response.content.decode()


@pytest.mark.django_db
def test_setting_up_confirms_the_app_shows_recovery_codes_once_and_opens_the_portal(world, client):
    through_a_reset_link(client, world.ceo).get(SETUP + "?next=/schools/")
    device = TOTPDevice.objects.get(user=world.ceo)
    response = client.post(SETUP, {"code": code_for(device), "next": "/schools/"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:recovery_codes"))
    codes_page = client.get(response["Location"]).content.decode()
    tokens = list(StaticToken.objects.filter(device__user=world.ceo).values_list("token", flat=True))
    assert len(tokens) == 10 and all(token in codes_page for token in tokens)
    assert 'href="/schools/"' in codes_page
    assert client.get(reverse("accounts:recovery_codes")).status_code == 302  # shown once only
    assert client.get("/schools/").status_code == 200
    assert TOTPDevice.objects.get(user=world.ceo).confirmed


@pytest.mark.django_db
def test_with_an_app_set_up_signing_in_asks_for_a_code_and_a_wrong_one_is_refused(world, client):
    device = TOTPDevice.objects.create(user=world.ceo, name="Authenticator app", confirmed=True)
    password_only(client, world.ceo)
    response = client.get("/schools/")
    assert response["Location"].startswith(VERIFY)
    assert "That code is not right" in client.post(VERIFY, {"code": "000000"}).content.decode()
    assert client.get("/schools/").status_code == 302
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.save()
    response = client.post(VERIFY, {"code": code_for(device), "next": "/schools/"})
    assert response["Location"] == "/schools/"
    assert client.get("/schools/").status_code == 200


@pytest.mark.django_db
def test_an_uninvited_trust_wide_account_cannot_reach_the_set_up_with_a_password_alone(world, client):
    password_only(client, world.ceo)
    response = client.get("/schools/")
    assert response["Location"].startswith(SETUP)  # still held at the second factor
    response = client.get(SETUP)
    assert response.status_code == 403
    page = response.content.decode()
    assert "Two-factor authentication is not set up yet" in page
    assert 'id="setup-key"' not in page and "<svg" not in page  # no secret shown
    assert client.post(SETUP, {"code": "123456"}).status_code == 403
    assert not TOTPDevice.objects.filter(user=world.ceo).exists()  # nothing to steal, nothing made
    assert client.get("/schools/").status_code == 302


@pytest.mark.django_db
def test_repeated_wrong_codes_are_slowed_down_with_a_message(world, client):
    TOTPDevice.objects.create(user=world.ceo, name="Authenticator app", confirmed=True)
    password_only(client, world.ceo)
    client.post(VERIFY, {"code": "000000"})
    response = client.post(VERIFY, {"code": "111111"})
    assert re.search(r"Too many wrong codes\. Wait \d+ seconds", response.content.decode())


@pytest.mark.django_db
def test_someone_with_only_the_password_cannot_replace_the_app(world, client):
    TOTPDevice.objects.create(user=world.ceo, name="Authenticator app", confirmed=True)
    response = password_only(client, world.ceo).get(SETUP)
    assert response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=world.ceo).count() == 1


@pytest.mark.django_db
def test_a_recovery_code_signs_in_once(world, client):
    TOTPDevice.objects.create(user=world.ceo, name="Authenticator app", confirmed=True)
    recovery = StaticDevice.objects.create(user=world.ceo, name="Recovery codes", confirmed=True)
    recovery.token_set.create(token="abcd2345")
    password_only(client, world.ceo)
    response = client.post(RECOVERY, {"code": "ABCD 2345", "next": "/schools/"})
    assert response["Location"] == "/schools/"
    assert not recovery.token_set.exists()
    client.post(reverse("accounts:logout"))
    password_only(client, world.ceo)
    response = client.post(RECOVERY, {"code": "abcd2345"})
    assert "That code is not right" in response.content.decode()


@pytest.mark.django_db
def test_a_head_who_sets_up_an_app_must_then_use_it(world, client):
    TOTPDevice.objects.create(user=world.head_a, name="Authenticator app", confirmed=True)
    password_only(client, world.head_a)
    response = client.get(reverse("schools:detail", kwargs={"urn": world.school_a.urn}))
    assert response["Location"].startswith(VERIFY)


@pytest.mark.django_db
def test_passing_the_second_factor_gives_a_new_session_key(world, client):
    device = TOTPDevice.objects.create(user=world.ceo, name="Authenticator app", confirmed=True)
    password_only(client, world.ceo)
    before = client.session.session_key
    client.post(VERIFY, {"code": code_for(device)})
    assert client.session.session_key != before


@pytest.mark.django_db
def test_next_cannot_send_people_off_the_portal(world, client):
    device = TOTPDevice.objects.create(user=world.ceo, name="Authenticator app", confirmed=True)
    password_only(client, world.ceo)
    response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("home")


@pytest.mark.django_db
def test_new_recovery_codes_replace_the_old_ones(world, client_as):
    client = client_as(world.ceo)
    StaticDevice.objects.create(user=world.ceo, name="Recovery codes", confirmed=True).token_set.create(
        token="oldcode2"
    )
    response = client.post(reverse("accounts:recovery_codes_new"))
    page = client.get(response["Location"]).content.decode()
    assert "oldcode2" not in page
    assert StaticToken.objects.filter(device__user=world.ceo).count() == 10
