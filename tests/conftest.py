import json

import pytest
from django.db import connection

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


@pytest.fixture(autouse=True)
def uploads_in_a_temporary_folder(settings, tmp_path_factory):
    """Uploaded files and generated PDFs go to a folder of the test run, never the developer's var/media."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's administrator client, signed in as the back office requires (second factor too)."""
    return sign_in(client, admin_user)


REMADE_BY_FLUSH = ("contenttypes.", "auth.permission")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as the migrations leave it, serialised once so that live-server tests (which empty
    every table afterwards) can put back the rows migrations made: the trust's ladder, audit types.

    Django's own `serialized_rollback` keeps them on the connection object, which the browser tests cannot
    reach once Playwright's event loop runs, so the browser conftest restores from this instead.
    """
    with django_db_blocker.unblock():
        rows = json.loads(connection.creation.serialize_db_to_string())
    # Content types and permissions are remade by the flush itself, with new keys.
    return json.dumps([row for row in rows if not row["model"].startswith(REMADE_BY_FLUSH)])


@pytest.fixture(autouse=True)
def _migration_data_for_transactional_tests(request, django_db_setup):
    """Transactional tests (live server, real worker, threads) empty every table afterwards, the rows
    migrations made (the trust's ladder, audit types) included; they are put back before each such test
    from the copy `django_db_setup` kept, whatever ran before it."""
    marker = request.node.get_closest_marker("django_db")
    wanted = {"transactional_db", "live_server", "celery_worker", "start_worker"}
    if wanted & set(request.fixturenames) or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
        connection.creation.deserialize_db_from_string(django_db_setup)
