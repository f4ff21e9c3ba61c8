"""Concurrent wrong passwords cannot get past the limit: each try is counted before the password is
checked, by one conditional UPDATE. Real threads, each with its own database connection; the hasher
counts the password checks."""

import threading

import pytest
from django.contrib.auth import authenticate
from django.db import connection

from tests.accounts import counting_hasher
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

GUESSES = 40


def guess_concurrently(rf, email, addresses):
    barrier = threading.Barrier(len(addresses))
    errors = []

    def guess(address):
        try:
            barrier.wait()
            request = rf.post("/accounts/sign-in/", REMOTE_ADDR=address)
            authenticate(request, username=email, password="wrong-guess")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=guess, args=(address,)) for address in addresses]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


@pytest.fixture
def counted(settings):
    settings.PASSWORD_HASHERS = ["tests.accounts.counting_hasher.CountingHasher"]
    person = UserFactory(email="ceo.target@trust.example")
    counting_hasher.reset()
    return person


def test_forty_concurrent_guesses_from_one_address_get_at_most_the_limit_of_checks(rf, counted, settings):
    guess_concurrently(rf, counted.email, ["203.0.113.7"] * GUESSES)
    checks = counting_hasher.calls["count"]
    print(f"\n{GUESSES} concurrent guesses, one address ({connection.vendor}): {checks} password checks")
    assert 1 <= checks <= settings.SIGN_IN_MAX_FAILURES_PER_PAIR


def test_forty_concurrent_guesses_from_forty_addresses_are_held_by_the_account_limit(rf, counted, settings):
    guess_concurrently(rf, counted.email, [f"198.51.100.{n}" for n in range(GUESSES)])
    checks = counting_hasher.calls["count"]
    print(f"\n{GUESSES} concurrent guesses, {GUESSES} addresses ({connection.vendor}): {checks} checks")
    assert 1 <= checks <= settings.SIGN_IN_ACCOUNT_FREE_FAILURES + 1
