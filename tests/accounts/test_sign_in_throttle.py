from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import SignInCounter
from tests.factories import PASSWORD, UserFactory

SIGN_IN = reverse("accounts:login")


def attempt(client, email, password, address="203.0.113.7", url=SIGN_IN):
    return client.post(url, {"username": email, "password": password}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_the_sixth_try_from_the_same_address_is_refused_even_when_right(world, client):
    for _ in range(5):
        assert attempt(client, world.head_a.email, "wrong-guess").status_code == 200
    response = attempt(client, world.head_a.email, PASSWORD)
    assert response.status_code == 200
    assert "too many wrong passwords" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_refusal_says_how_long_to_wait_and_keeps_the_email_typed(world, client):
    for _ in range(6):
        response = attempt(client, world.head_a.email, "wrong-guess")
    page = response.content.decode()
    assert "Wait 5 minutes and try again" in page
    assert f'value="{world.head_a.email}"' in page


@pytest.mark.django_db
def test_someone_guessing_from_elsewhere_does_not_lock_the_real_person_out(world, client):
    for _ in range(8):
        attempt(client, world.ceo.email, "wrong-guess", address="198.51.100.9")
    assert "too many" in attempt(client, world.ceo.email, PASSWORD, address="198.51.100.9").content.decode()
    assert attempt(client, world.ceo.email, PASSWORD, address="192.0.2.1").status_code == 302


@pytest.mark.django_db
def test_a_schools_shared_address_is_not_locked_for_everyone_behind_it(world, client):
    for n in range(40):
        attempt(client, f"someone{n}@trust.example", "guess", address="198.51.100.20")
    assert attempt(client, world.head_a.email, PASSWORD, address="198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_after_the_short_lock_the_right_password_works_again(world, client):
    for _ in range(5):
        attempt(client, world.head_a.email, "wrong-guess")
    SignInCounter.objects.filter(key__startswith="pair:").update(blocked_until=timezone.now())
    assert attempt(client, world.head_a.email, PASSWORD).status_code == 302
    assert not SignInCounter.objects.filter(key__contains=world.head_a.email).exists()


@pytest.mark.django_db
def test_guesses_from_many_addresses_slow_the_account_down_progressively(world, client, settings):
    settings.SIGN_IN_ACCOUNT_FREE_FAILURES = 3
    for n in range(3):
        attempt(client, world.head_a.email, "wrong-guess", address=f"192.0.2.{n}")
    account = SignInCounter.objects.get(key=f"account:{world.head_a.email}")
    assert account.blocked_until is None  # the free failures wait for nothing
    attempt(client, world.head_a.email, "wrong-guess", address="192.0.2.50")
    account.refresh_from_db()
    first_wait = account.blocked_until - account.last_failure_at
    refused = attempt(client, world.head_a.email, PASSWORD, address="192.0.2.51")
    assert "Wait 1 second" in refused.content.decode()
    SignInCounter.objects.filter(pk=account.pk).update(blocked_until=timezone.now() - timedelta(seconds=1))
    attempt(client, world.head_a.email, "wrong-guess", address="192.0.2.52")
    account.refresh_from_db()
    assert account.blocked_until - account.last_failure_at == 2 * first_wait == timedelta(seconds=2)
    assert account.blocked_until - timezone.now() < settings.SIGN_IN_ACCOUNT_MAX_DELAY


@pytest.mark.django_db
def test_four_wrong_passwords_then_the_right_one_signs_in_and_forgives_them(world, client):
    for _ in range(4):
        attempt(client, world.head_a.email, "wrong-guess")
    assert attempt(client, world.head_a.email, PASSWORD).status_code == 302
    assert not SignInCounter.objects.filter(key__contains=world.head_a.email).exists()


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
