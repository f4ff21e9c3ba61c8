"""End to end on real views that are on main: a restricted download leaves a record of access, and an
export neutralises a cell that would run as a formula."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessRecord
from audits.models import AuditType
from audits.services import audit_create
from tests.audits.factories import action_at


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.django_db
def test_downloading_an_audit_report_writes_a_record_of_access_the_ceo_can_read(world, client_as):
    audit = audit_create(
        school=world.school_a,
        audit_type=AuditType.objects.get(name="Fire safety"),
        carried_out_on=timezone.localdate(),
        report=SimpleUploadedFile("fire.pdf", b"%PDF-1.7 report"),
        by=world.compliance_manager,
    )
    response = client_as(world.head_a).get(reverse("audits:report_download", kwargs={"pk": audit.pk}))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    record = AccessRecord.objects.get()
    assert (record.person, record.action, record.school) == (world.head_a, "downloaded", world.school_a)

    assert (
        client_as(world.head_b).get(reverse("audits:report_download", kwargs={"pk": audit.pk})).status_code
        == 404
    )
    assert AccessRecord.objects.count() == 1  # refused people leave no download behind

    page = client_as(world.ceo).get(reverse("accounts:access_records")).content.decode()
    assert "Fire safety" in page and world.head_a.email in page


@pytest.mark.django_db
def test_an_exported_hyperlink_formula_comes_out_as_inert_text(world, client_as):
    action_at(world.school_a, owner=world.head_a, description='=HYPERLINK("http://evil.example","Click")')
    response = client_as(world.compliance_manager).get(reverse("audits:actions_export"), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cell = rows[1][rows[0].index("Action")]
    assert cell == '\'=HYPERLINK("http://evil.example","Click")'
