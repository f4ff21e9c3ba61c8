import re

from api.models import IntegrationClient
from api.services import token_hash
from schools.roles import Role
from tests.factories import person_with_role
from tests.personas import sign_in


def _token_on(response) -> str:
    return re.search(r'value="(tp_[^"]+)"', response.content.decode())[1]


def test_the_ceo_adds_a_client_and_sees_its_token_once(world, client):
    sign_in(client, world.ceo)

    response = client.post(
        "/integrations/add/", {"name": "Finance system", "scopes": ["finance:write", "schools:read"]}
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = _token_on(response)
    stored = IntegrationClient.objects.get(name="Finance system")
    assert stored.token_hash == token_hash(token)
    assert stored.scopes == ["finance:write", "schools:read"]
    assert stored.user.display_name == "Finance system"
    assert not stored.user.has_usable_password()
    detail = client.get(f"/integrations/{stored.pk}/").content.decode()
    assert "Finance system" in detail and token not in detail
    assert token not in client.get("/integrations/").content.decode()


def test_the_coo_may_manage_clients(world, client):
    coo = person_with_role(Role.COO, email="coo@trust.example")
    sign_in(client, coo)

    response = client.post("/integrations/add/", {"name": "Arbor MIS", "scopes": ["pupils:write"]})

    assert response.status_code == 200
    assert IntegrationClient.objects.get().created_by == coo


def test_a_client_without_a_name_or_scopes_is_refused_and_what_was_typed_is_kept(world, client):
    sign_in(client, world.ceo)

    response = client.post("/integrations/add/", {"name": "Finance system"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose at least one thing the client may do." in page
    assert 'value="Finance system"' in page
    assert not IntegrationClient.objects.exists()


def test_a_second_client_with_the_same_name_is_refused(world, client):
    sign_in(client, world.ceo)
    client.post("/integrations/add/", {"name": "Finance system", "scopes": ["finance:write"]})

    response = client.post("/integrations/add/", {"name": "finance system", "scopes": ["kpis:write"]})

    assert "There is already a client called finance system." in response.content.decode()
    assert IntegrationClient.objects.count() == 1


def test_rotating_shows_a_new_token_and_revoking_stops_the_client(world, client):
    sign_in(client, world.ceo)
    first = _token_on(client.post("/integrations/add/", {"name": "MIS", "scopes": ["schools:read"]}))
    stored = IntegrationClient.objects.get()

    second = _token_on(client.post(f"/integrations/{stored.pk}/rotate/"))
    assert second != first
    stored.refresh_from_db()
    assert stored.token_hash == token_hash(second)

    assert client.post(f"/integrations/{stored.pk}/revoke/").status_code == 302
    stored.refresh_from_db()
    assert stored.revoked_by == world.ceo
    assert "Revoked on" in client.get(f"/integrations/{stored.pk}/").content.decode()


def test_the_reference_page_lists_every_operation_with_no_viewer_script_or_inline_style(world, client):
    sign_in(client, world.cfo)

    page = client.get("/integrations/reference/").content.decode()

    for operation in (
        "POST /api/finance-figures/",
        "POST /api/pupil-numbers/",
        "POST /api/kpi-results/",
        "POST /api/comparators/",
        "POST /api/audit-actions/",
        "GET /api/audit-actions/",
        "GET /api/schools/{urn}/",
        "GET /api/categories/",
        "GET /api/letters/",
    ):
        assert operation in page, operation
    assert "predicted_in_year_outturn" in page
    assert "Needs the <code>finance:write</code> scope." in page
    # No viewer script of its own: only the portal's own static files (the error-summary focus script).
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ['<script src="/static/js/error-summary.js" defer>']
    assert "style=" not in page and "<style" not in page
