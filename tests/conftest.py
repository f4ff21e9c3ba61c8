import pytest

from tests.personas import build_world, sign_in


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def client_as(client):
    """`client_as(world.head_a)` gives the test client signed in as that person."""

    def _sign_in(user):
        client.logout()
        return sign_in(client, user)

    return _sign_in


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that are about hashing ask for it themselves."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's administrator client, signed in as the back office requires (second factor too)."""
    return sign_in(client, admin_user)
