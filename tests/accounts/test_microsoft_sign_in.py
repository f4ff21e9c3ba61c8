"""Sign in with Microsoft, against a real OpenID Connect provider process (django-oauth-toolkit, in
tests/oidc_provider/) started on 127.0.0.1 with an RSA key made here. The portal side is the real view,
backend and middleware; only Microsoft's address is swapped for the provider's."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.mfa import AUTHENTICATOR_APP

ROOT = Path(__file__).resolve().parents[2]
CALLBACK = "http://testserver/accounts/microsoft/callback/"
CLIENT = {
    "client_id": "trust-portal",
    "client_secret": "portal-client-secret-for-tests",
    "redirect_uri": CALLBACK,
}
PROVIDER_PASSWORD = "provider-password-1"
PROVIDER_USERS = [
    {"email": "ceo@trust.example", "password": PROVIDER_PASSWORD, "mfa": True},
    {"email": "cfo@trust.example", "password": PROVIDER_PASSWORD, "mfa": False},
    {"email": "stranger@elsewhere.example", "password": PROVIDER_PASSWORD, "mfa": True},
    {"email": "head.b@trust.example", "password": PROVIDER_PASSWORD, "mfa": True},
]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def identity_provider(tmp_path_factory):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    port = _free_port()
    env = {
        **os.environ,
        "PROVIDER_DATABASE": str(tmp_path_factory.mktemp("provider") / "provider.sqlite3"),
        "PROVIDER_RSA_PRIVATE_KEY": pem,
        "PROVIDER_SETUP": json.dumps({"client": CLIENT, "users": PROVIDER_USERS}),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.oidc_provider.serve", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert process.stdout.readline().strip() == b"ready", "the identity provider did not start"
        for _ in range(50):
            try:
                discovery = requests.get(f"{base}/o/.well-known/openid-configuration", timeout=5).json()
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        yield discovery
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def microsoft_on(settings, identity_provider):
    settings.MICROSOFT_SIGN_IN = True
    settings.OIDC_RP_CLIENT_ID = CLIENT["client_id"]
    settings.OIDC_RP_CLIENT_SECRET = CLIENT["client_secret"]
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = identity_provider["authorization_endpoint"]
    settings.OIDC_OP_TOKEN_ENDPOINT = identity_provider["token_endpoint"]
    settings.OIDC_OP_USER_ENDPOINT = identity_provider["userinfo_endpoint"]
    settings.OIDC_OP_JWKS_ENDPOINT = identity_provider["jwks_uri"]
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "accounts.oidc.MicrosoftBackend"]
    return identity_provider


def sign_in_with_microsoft(client, email):
    """Press "Sign in with Microsoft", sign in at the provider as `email` (a real browser's part, done with
    requests), and bring its answer back to the portal's callback."""
    to_provider = client.get(reverse("accounts:microsoft_sign_in"))
    assert to_provider.status_code == 302
    browser = requests.Session()
    url = to_provider["Location"]
    for _ in range(10):
        if url.startswith(CALLBACK):
            break
        response = browser.get(url, allow_redirects=False, timeout=10)
        if response.status_code == 200 and 'name="username"' in response.text:
            csrf = browser.cookies["csrftoken"]
            next_url = parse_qs(urlsplit(url).query)["next"][0]
            response = browser.post(
                url,
                {
                    "username": email,
                    "password": PROVIDER_PASSWORD,
                    "next": next_url,
                    "csrfmiddlewaretoken": csrf,
                },
                allow_redirects=False,
                timeout=10,
            )
        assert response.status_code == 302, response.text[:500]
        url = urljoin(
            url, response["Location"] if hasattr(response, "__getitem__") else response.headers["Location"]
        )
    else:
        raise AssertionError("the provider never sent the person back to the portal")
    return client.get(url.removeprefix("http://testserver"))


def test_the_sign_in_page_has_no_microsoft_button_while_it_is_off(client):
    assert "Sign in with Microsoft" not in client.get(reverse("accounts:login")).content.decode()
    assert client.get(reverse("accounts:microsoft_sign_in")).status_code == 404


def test_the_button_shows_when_switched_on(client, microsoft_on, db):
    assert "Sign in with Microsoft" in client.get(reverse("accounts:login")).content.decode()


def test_signing_in_with_mfa_reaches_an_existing_account_without_the_portals_own_code(
    client, world, microsoft_on
):
    TOTPDevice.objects.create(user=world.ceo, name=AUTHENTICATOR_APP, confirmed=True)
    response = sign_in_with_microsoft(client, "ceo@trust.example")
    assert response.status_code == 302 and response["Location"] == "/"
    assert int(client.session["_auth_user_id"]) == world.ceo.pk
    assert client.get(reverse("schools:list")).status_code == 200  # second factor satisfied by the provider


def test_an_email_with_no_account_is_refused_and_no_account_is_made(client, world, microsoft_on):
    count = get_user_model().objects.count()
    response = sign_in_with_microsoft(client, "stranger@elsewhere.example")
    assert response["Location"] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "no account here has that verified email address" in page
    assert get_user_model().objects.count() == count


def test_without_an_mfa_claim_the_portal_asks_for_its_own_second_factor(client, world, microsoft_on):
    TOTPDevice.objects.create(user=world.cfo, name=AUTHENTICATOR_APP, confirmed=True)
    sign_in_with_microsoft(client, "cfo@trust.example")
    assert int(client.session["_auth_user_id"]) == world.cfo.pk
    response = client.get(reverse("schools:list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:mfa_verify"))


def test_an_invited_person_who_has_not_used_the_invitation_cannot_sign_in_with_microsoft(
    client, world, microsoft_on
):
    world.head_b.set_unusable_password()
    world.head_b.save()
    response = sign_in_with_microsoft(client, "head.b@trust.example")
    assert response["Location"] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session
