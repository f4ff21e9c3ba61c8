from rest_framework.test import APIClient

from api.models import ApiCall, IntegrationClient
from api.services import (
    integration_client_create,
    integration_client_revoke,
    integration_client_rotate,
    token_hash,
)
from kpis.models import KpiResult
from tests.api.conftest import finance_row
from tests.personas import sign_in

KPI_ROW = {"urn": "100001", "year": "2025-26", "measure": "ks2_rwm", "all_pupils": "72", "cohort": 30}


def test_a_token_without_kpis_write_gets_403_and_nothing_is_saved(world, integration):
    _, api = integration("Finance system", "finance:write", "schools:read")

    response = api.post("/api/kpi-results/", {"rows": [KPI_ROW]}, format="json")

    assert response.status_code == 403
    assert "kpis:write" in response.json()["detail"]
    assert not KpiResult.objects.exists()


def test_a_token_with_kpis_write_records_results(world, integration):
    client, api = integration("Assessment tracker", "kpis:write")

    response = api.post("/api/kpi-results/", {"rows": [KPI_ROW]}, format="json")

    assert response.status_code == 200, response.json()
    assert KpiResult.objects.get(school=world.school_a).updated_by == client.user


def test_a_revoked_token_gets_401(world, integration):
    client, api = integration("Finance system", "schools:read")
    assert api.get("/api/schools/").status_code == 200

    integration_client_revoke(client=client, by=world.ceo)

    response = api.get("/api/schools/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_a_rotated_token_stops_working_and_the_new_one_works(world, integration):
    client, api = integration("Finance system", "schools:read")

    token = integration_client_rotate(client=client, by=world.ceo)

    assert api.get("/api/schools/").status_code == 401
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.get("/api/schools/").status_code == 200


def test_only_the_tokens_hash_is_kept(world, integration):
    client, token = integration_client_create(name="MIS", scopes=["schools:read"], by=world.ceo)

    stored = IntegrationClient.objects.get(pk=client.pk)
    assert stored.token_hash == token_hash(token) != token
    assert token not in str(IntegrationClient.objects.values().get(pk=client.pk))


def test_no_token_or_a_made_up_one_gets_401(world):
    assert APIClient().get("/api/schools/").status_code == 401
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Bearer tp_not-a-real-token")
    assert api.get("/api/schools/").status_code == 401
    api.credentials(HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")
    assert api.get("/api/schools/").status_code == 401


def test_a_signed_in_ceos_session_cookie_does_not_authenticate_the_api(world, client):
    sign_in(client, world.ceo)
    assert client.get("/integrations/").status_code == 200  # the session itself is good

    for url in ("/api/schools/", "/api/categories/", "/api/letters/", "/api/audit-actions/"):
        assert client.get(url).status_code == 401, url
    response = client.post(
        "/api/finance-figures/", {"rows": [finance_row("100001")]}, content_type="application/json"
    )
    assert response.status_code == 401


def test_every_call_is_recorded_with_the_clients_name(world, integration):
    client, api = integration("Finance system", "finance:write")

    api.post("/api/finance-figures/", {"rows": [finance_row("100001")]}, format="json")
    api.get("/api/schools/")
    integration_client_revoke(client=client, by=world.ceo)
    api.get("/api/letters/")

    calls = [
        (call.client.name, call.method, call.endpoint, call.status)
        for call in ApiCall.objects.order_by("pk").select_related("client")
    ]
    assert calls == [
        ("Finance system", "POST", "/api/finance-figures/", 200),
        ("Finance system", "GET", "/api/schools/", 403),
        ("Finance system", "GET", "/api/letters/", 401),
    ]


def test_calls_beyond_the_clients_rate_get_429(world, integration, settings):
    settings.API_RATE_LIMIT = "3/min"
    _, api = integration("MIS", "schools:read")
    _, other = integration("Finance system", "schools:read")

    statuses = [api.get("/api/schools/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    assert other.get("/api/schools/").status_code == 200  # each client has its own allowance


def test_a_token_opens_no_portal_page(world, integration, client):
    _, token = integration_client_create(name="MIS", scopes=["schools:read"], by=world.ceo)

    for url in ("/schools/", "/integrations/", "/integrations/reference/", "/letters/"):
        response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}")
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"], url
