"""The portal's own error pages, and the 503 page when the database cannot be reached."""

import json

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from operations.views import server_error
from tests.personas import sign_in


@pytest.fixture
def database_gone(transactional_db):
    """Point the connection at a database that is not there (a real connection failure), then restore."""
    saved = dict(connection.settings_dict)

    def break_it():
        connection.close()
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = "/nonexistent-folder/portal.sqlite3"
        else:
            connection.settings_dict["PORT"] = "1"

    yield break_it
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(saved)


@pytest.mark.django_db
def test_a_missing_page_is_the_portals_404(world, client_as):
    response = client_as(world.head_a).get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page and world.head_a.display_name in page
    assert "no-such-page" not in page.split("<main")[1]


@pytest.mark.django_db
def test_a_refused_page_is_the_portals_403_without_the_reason_in_code(world, client_as):
    response = client_as(world.head_a).get(reverse("audits:schedule"))
    assert response.status_code == 403
    assert "You cannot do this" in response.content.decode()


def test_the_500_page_needs_no_database_and_says_nothing_of_the_error(rf):
    # No database fixture: any query here would fail the test.
    try:
        raise ValueError("secret detail /srv/app/settings.py")
    except ValueError:
        response = server_error(rf.get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, something went wrong" in page and "secret detail" not in page and "ValueError" not in page


def test_with_the_database_gone_a_signed_in_person_gets_the_503_page(world, database_gone):
    client = Client(raise_request_exception=False)
    sign_in(client, world.head_a)
    database_gone()
    response = client.get(reverse("home"))
    assert response.status_code == 503
    page = response.content.decode()
    assert "The database is unavailable" in page and 'href="/static/css/portal.css"' in page
    assert "OperationalError" not in page and "sqlite" not in page.lower() and "psycopg" not in page


def test_health_reports_each_part_and_503_when_the_database_is_gone(db, database_gone):
    client = Client(raise_request_exception=False)
    response = client.get(reverse("operations:health"))
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": {"database": "ok", "broker": "ok", "media": "ok"},
    }
    database_gone()
    response = client.get(reverse("operations:health"))
    assert response.status_code == 503
    assert json.loads(response.content)["checks"] == {
        "database": "unavailable",
        "broker": "ok",
        "media": "ok",
    }


@pytest.mark.django_db
def test_health_reports_an_unreachable_broker():
    from tests.operations.broker import broker_unreachable

    with broker_unreachable():
        response = Client().get(reverse("operations:health"))
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["broker"] == "unavailable"
