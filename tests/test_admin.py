import pytest
from django.urls import reverse

from schools.models import School
from tests.schools.test_gias_import import gias_csv, row


@pytest.mark.django_db
def test_the_back_office_is_for_staff_only(world, client_as):
    response = client_as(world.ceo).get(reverse("admin:index"))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.django_db
def test_an_administrator_imports_schools_from_gias_in_the_back_office(admin_client, tmp_path):
    upload = tmp_path / "gias.csv"
    upload.write_text(gias_csv([row("140001", "Elmstead Primary")]))
    with upload.open("rb") as f:
        preview = admin_client.post(
            reverse("admin:schools_school_gias"), {"csv_file": f, "trust_code": "4321", "dry_run": "on"}
        )
    assert "1 added" in preview.content.decode() and not School.objects.exists()
    with upload.open("rb") as f:
        admin_client.post(reverse("admin:schools_school_gias"), {"csv_file": f, "trust_code": "4321"})
    assert School.objects.get().urn == "140001"
