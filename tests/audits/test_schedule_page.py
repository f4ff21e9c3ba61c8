"""The audit schedule page: filters, export, the sticky school column, and a fixed cost at 120 schools."""

import csv
import io
from datetime import date

from django.urls import reverse

from audits.models import Audit, AuditType
from tests.factories import SchoolFactory


def _audit(world, school, name, on):
    return Audit.objects.create(
        school=school, audit_type=AuditType.objects.get(name=name), carried_out_on=on, recorded_by=world.ceo
    )


def test_the_schedule_filters_by_school_type_and_state(world, client_as):
    _audit(world, world.school_a, "Fire safety", date.today())  # not due for a year
    client = client_as(world.compliance_manager)
    url = reverse("audits:schedule")
    fire = AuditType.objects.get(name="Fire safety")

    page = client.get(url, {"school": world.school_b.pk}).content.decode()
    assert "Brookfield Primary" in page and "Ashdown Primary Academy</a>" not in page

    page = client.get(url, {"audit_type": fire.pk}).content.decode()
    assert page.count('<th scope="col">') == 2  # the school, and Fire safety
    assert "Fire safety" in page and "GDPR audit" not in page

    # Only Ashdown's fire safety audit is recorded: filtered to overdue fire safety, only Brookfield stays.
    page = client.get(url, {"audit_type": fire.pk, "state": "overdue"}).content.decode()
    assert "Brookfield Primary</a>" in page and "Ashdown Primary Academy</a>" not in page


def test_the_schedule_exports_what_the_filters_show_as_csv_and_xlsx(world, client_as):
    from openpyxl import load_workbook

    _audit(world, world.school_a, "Fire safety", date(2026, 1, 15))
    client = client_as(world.compliance_manager)
    fire = AuditType.objects.get(name="Fire safety")
    response = client.get(reverse("audits:schedule_export"), {"audit_type": fire.pk, "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["URN", "School", "Audit type", "Cycle", "Last carried out", "Next due", "State"]
    ashdown = ["100001", "Ashdown Primary Academy", "Fire safety", "Annual", "2026-01-15", "2027-01-15"]
    assert rows[1] == [*ashdown, "Not yet due"]
    assert rows[2][:5] == ["100002", "Brookfield Primary", "Fire safety", "Annual", "Never"]
    assert rows[2][6] == "Overdue"  # never done, and the school joined the trust in 2020
    response = client.get(reverse("audits:schedule_export"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 1 + 2 * AuditType.objects.filter(is_active=True).count()


def test_a_school_name_that_looks_like_a_formula_is_exported_as_text(world, client_as):
    SchoolFactory(urn="100003", name="=HYPERLINK(1)")
    response = client_as(world.compliance_manager).get(reverse("audits:schedule_export"), {"format": "csv"})
    assert "'=HYPERLINK(1)" in response.content.decode("utf-8-sig")


def test_the_school_column_stays_in_view_from_a_static_stylesheet(world, client_as):
    page = client_as(world.compliance_manager).get(reverse("audits:schedule")).content.decode()
    assert 'href="/static/css/audits.css' in page and 'class="table schedule__table"' in page
    from django.contrib.staticfiles import finders

    with open(finders.find("css/audits.css")) as stylesheet:
        css = stylesheet.read()
    assert 'th[scope="row"]' in css and "position: sticky" in css and "left: 0" in css


def test_the_schedule_runs_the_same_queries_and_stays_light_at_10_and_120_schools(
    world, client_as, django_assert_max_num_queries
):
    client = client_as(world.compliance_manager)
    url = reverse("audits:schedule")
    counted = {}
    for total, first in ((10, 0), (120, 8)):  # plus schools A and B
        schools = [SchoolFactory(urn=f"3{n:05d}", name=f"School {n:03d}") for n in range(first, total - 2)]
        Audit.objects.bulk_create(
            Audit(school=s, audit_type=t, carried_out_on=date(2025, 9, 1), recorded_by=world.ceo)
            for s in schools
            for t in AuditType.objects.filter(is_active=True)[:8]
        )
        client.get(url)
        with django_assert_max_num_queries(20) as captured:
            response = client.get(url)
        counted[total] = len(captured)
        assert response.content.decode().count('<th scope="row">') == total
    assert counted[10] == counted[120]
    assert len(response.content) <= 300 * 1024


def test_action_exports_carry_the_schools_answer(world, client_as):
    from audits.services import audit_action_report_done, audit_action_report_not_actioned
    from tests.audits.factories import action_at

    done = action_at(world.school_a, owner=world.head_a, description="Fit a closer")
    audit_action_report_done(
        action=done, actions_taken="Closer fitted", outcome="Door shuts", completed_on=date(2026, 11, 20),
        by=world.head_a,
    )  # fmt: skip
    skipped = action_at(world.school_a, owner=world.head_a, description="Move the bins")
    audit_action_report_not_actioned(action=skipped, reason="Bins are the council's", by=world.head_a)
    action_at(world.school_a, owner=world.head_a, description="Not yet answered")
    url = reverse("audits:school_actions_export", kwargs={"urn": world.school_a.urn})
    response = client_as(world.head_a).get(url, {"format": "csv"})
    rows = {row[4]: row for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))}
    header = rows["Action"]
    assert header[-6:] == [
        "Reported on", "Actions taken", "Outcome", "Completed on", "Reason not actioned", "Evidence",
    ]  # fmt: skip
    answer = dict(zip(header, rows["Fit a closer"], strict=True))
    assert (answer["Actions taken"], answer["Outcome"], answer["Completed on"]) == (
        "Closer fitted", "Door shuts", "2026-11-20",
    )  # fmt: skip
    assert answer["Reported on"] == str(date.today())
    assert (
        dict(zip(header, rows["Move the bins"], strict=True))["Reason not actioned"]
        == "Bins are the council's"
    )
    assert dict(zip(header, rows["Not yet answered"], strict=True))["Reported on"] == ""
