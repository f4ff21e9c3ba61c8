from datetime import date, timedelta

from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from audits.models import AuditAction
from categorisation.services import categorisation_decide
from kpis.models import Comparator
from schools.models import School
from tests.audits.factories import action_at
from tests.categorisation.factories import half_term, level
from tests.letters.factories import draft_letter


def test_pupil_numbers_are_recorded_through_the_schools_service(world, integration):
    _, api = integration("Arbor MIS", "pupils:write")
    rows = [{"urn": "100001", "pupils_on_roll": 412}, {"urn": "100002", "pupils_on_roll": 198}]

    response = api.post("/api/pupil-numbers/", {"rows": rows}, format="json")

    assert response.status_code == 200, response.json()
    assert dict(School.objects.values_list("urn", "pupils_on_roll")) == {"100001": 412, "100002": 198}


def test_pupil_numbers_for_an_unknown_school_refuse_the_batch(world, integration):
    _, api = integration("Arbor MIS", "pupils:write")
    before = School.objects.get(urn="100001").pupils_on_roll
    rows = [{"urn": "100001", "pupils_on_roll": 412}, {"urn": "999999", "pupils_on_roll": 5}]

    response = api.post("/api/pupil-numbers/", {"rows": rows}, format="json")

    assert response.status_code == 400
    assert [(e["row"], e["field"]) for e in response.json()["errors"]] == [(2, "urn")]
    assert School.objects.get(urn="100001").pupils_on_roll == before != 412


def test_comparators_are_recorded(world, integration):
    _, api = integration("Assessment tracker", "kpis:write")
    row = {"measure": "ks2_rwm", "year": "2025-26", "area": "Essex", "all_pupils": "63.0"}

    response = api.post("/api/comparators/", {"rows": [row]}, format="json")

    assert response.status_code == 200, response.json()
    assert Comparator.objects.get().area == "Essex"


def test_a_kpi_figure_out_of_range_is_refused_with_the_field_named(world, integration):
    _, api = integration("Assessment tracker", "kpis:write")
    row = {"urn": "100001", "year": "2025-26", "measure": "ks2_rwm", "all_pupils": "172", "cohort": 30}

    response = api.post("/api/kpi-results/", {"rows": [row]}, format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"row": 1, "field": "all_pupils", "message": "172.0 is not between 0 and 100%."}
    ]


def test_a_compliance_tool_records_audit_actions_owned_by_the_head(world, integration):
    client, api = integration("Compliance tool", "audit-actions:write", "audit-actions:read")
    today = date.today()
    row = {
        "urn": "100001",
        "audit_type": "Fire safety",
        "carried_out_on": (today - timedelta(days=3)).isoformat(),
        "description": "Replace the fire door closer in the hall",
        "priority": "High",
        "due_on": (today + timedelta(days=30)).isoformat(),
    }

    response = api.post("/api/audit-actions/", {"rows": [row]}, format="json")

    assert response.status_code == 201, response.json()
    action = AuditAction.objects.get(pk=response.json()["ids"][0])
    assert (action.owner, action.created_by) == (world.head_a, client.user)
    listed = api.get("/api/audit-actions/?urn=100001").json()
    assert [item["description"] for item in listed["results"]] == ["Replace the fire door closer in the hall"]


def test_an_unknown_audit_type_is_refused_with_the_field_named(world, integration):
    _, api = integration("Compliance tool", "audit-actions:write")
    row = {
        "urn": "100001",
        "audit_type": "Juggling",
        "carried_out_on": "2025-10-01",
        "description": "x",
        "priority": "Low",
        "due_on": "2025-11-01",
    }

    response = api.post("/api/audit-actions/", {"rows": [row]}, format="json")

    assert response.status_code == 400
    assert [(e["row"], e["field"]) for e in response.json()["errors"]] == [(1, "audit_type")]
    assert not AuditAction.objects.exists()


def test_categories_are_read_by_half_term_and_urn(world, integration):
    _, api = integration("Board reporting", "categories:read")
    aut1 = half_term(2025, 1)
    categorisation_decide(
        school=world.school_a, half_term=aut1, level=level("education", "universal"), by=world.ceo
    )
    categorisation_decide(
        school=world.school_b, half_term=aut1, level=level("education", "concerning"), by=world.ceo
    )

    response = api.get("/api/categories/", {"half_term": "Aut 1 2025-26", "urn": "100002"})

    assert response.status_code == 200
    assert [(r["urn"], r["dimension"], r["level"]) for r in response.json()["results"]] == [
        ("100002", "education", level("education", "concerning").name)
    ]
    assert response.json()["results"][0]["half_term"] == "Aut 1 2025-26"


def test_a_half_term_filter_that_is_not_a_half_term_is_refused_by_name(world, integration):
    _, api = integration("Board reporting", "categories:read")

    response = api.get("/api/categories/", {"half_term": "next week"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "half_term"


def test_letters_status_is_read(world, integration):
    _, api = integration("Board reporting", "letters:read")
    draft_letter(world.school_a, world.ceo)

    response = api.get("/api/letters/", {"urn": "100001"})

    assert [(r["urn"], r["status"], r["half_term"]) for r in response.json()["results"]] == [
        ("100001", "draft", "Aut 2 2026-27")
    ]


def test_a_school_is_read_by_urn_and_an_unknown_urn_is_404(world, integration):
    _, api = integration("MIS", "schools:read")

    assert api.get("/api/schools/100001/").json()["name"] == "Ashdown Primary Academy"
    assert api.get("/api/schools/999999/").status_code == 404


def test_lists_come_in_pages(world, integration):
    _, api = integration("MIS", "schools:read")

    page = api.get("/api/schools/", {"page_size": 1}).json()

    assert page["count"] == 2
    assert [school["urn"] for school in page["results"]] == ["100001"]
    assert api.get(page["next"]).json()["results"][0]["urn"] == "100002"


def test_an_unchanged_read_answers_304_to_its_etag_and_a_changed_one_200(world, integration):
    _, api = integration("MIS", "schools:read")
    first = api.get("/api/schools/")
    etag = first["ETag"]

    assert api.get("/api/schools/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    School.objects.filter(urn="100001").update(pupils_on_roll=F("pupils_on_roll") + 1)
    again = api.get("/api/schools/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200
    assert again["ETag"] != etag


def test_a_list_costs_the_same_queries_for_3_actions_as_for_30(world, integration):
    _, api = integration("Compliance tool", "audit-actions:read")
    for _ in range(3):
        action_at(world.school_a, owner=world.head_a)
    with CaptureQueriesContext(connection) as three:
        assert api.get("/api/audit-actions/").status_code == 200
    for _ in range(27):
        action_at(world.school_b, owner=world.head_b)
    with CaptureQueriesContext(connection) as thirty:
        assert len(api.get("/api/audit-actions/").json()["results"]) == 30
    assert len(thirty) == len(three)
