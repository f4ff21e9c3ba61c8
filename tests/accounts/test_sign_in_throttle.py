from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import FailedSignIn
from tests.factories import PASSWORD, UserFactory

SIGN_IN = reverse("accounts:login")


def attempt(client, email, password, address="203.0.113.7", url=SIGN_IN):
    return client.post(url, {"username": email, "password": password}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_the_sixth_wrong_password_is_refused_even_when_right(world, client):
    for _ in range(5):
        assert attempt(client, world.head_a.email, "wrong-guess").status_code == 200
    response = attempt(client, world.head_a.email, PASSWORD)
    assert response.status_code == 200
    assert "too many wrong passwords" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_refusal_says_what_to_do_and_keeps_the_email_typed(world, client):
    for _ in range(6):
        response = attempt(client, world.head_a.email, "wrong-guess")
    page = response.content.decode()
    assert "Wait 15 minutes and try again" in page
    assert f'value="{world.head_a.email}"' in page


@pytest.mark.django_db
def test_after_the_cool_off_the_right_password_works_again(world, client):
    for _ in range(5):
        attempt(client, world.head_a.email, "wrong-guess")
    FailedSignIn.objects.update(at=timezone.now() - timedelta(minutes=16))
    assert attempt(client, world.head_a.email, PASSWORD).status_code == 302
    assert not FailedSignIn.objects.filter(email=world.head_a.email).exists()


@pytest.mark.django_db
def test_four_wrong_passwords_then_the_right_one_signs_in_and_forgives_them(world, client):
    for _ in range(4):
        attempt(client, world.head_a.email, "wrong-guess")
    assert attempt(client, world.head_a.email, PASSWORD).status_code == 302
    assert not FailedSignIn.objects.filter(email=world.head_a.email).exists()


@pytest.mark.django_db
def test_one_address_guessing_at_many_accounts_is_refused_for_all(world, client, settings):
    settings.SIGN_IN_MAX_FAILURES_PER_ADDRESS = 8
    for n in range(8):
        attempt(client, f"someone{n}@trust.example", "guess", address="198.51.100.9")
    refused = attempt(client, world.head_a.email, PASSWORD, address="198.51.100.9")
    assert "too many wrong passwords" in refused.content.decode()
    assert attempt(client, world.head_a.email, PASSWORD, address="192.0.2.1").status_code == 302


@pytest.mark.django_db
def test_the_back_office_login_is_throttled_too(client):
    admin = UserFactory(email="admin@trust.example", is_staff=True, is_superuser=True)
    url = reverse("admin:login")
    for _ in range(5):
        attempt(client, admin.email, "wrong-guess", url=url)
    response = attempt(client, admin.email, PASSWORD, url=url)
    assert response.status_code == 200
    assert "too many wrong passwords" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_throttle_holds_for_any_way_in_including_the_backend(world, client):
    for _ in range(5):
        client.login(username=world.head_a.email, password="wrong-guess")
    assert client.login(username=world.head_a.email, password=PASSWORD) is False
