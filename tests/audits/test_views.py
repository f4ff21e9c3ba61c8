import csv
import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from audits.models import ActionStatus, AuditAction, Priority
from tests.audits.factories import action_at


def _today():
    return timezone.localdate()


def test_a_head_of_another_school_gets_404_on_the_action_and_everything_about_it(world, client_as):
    action = action_at(world.school_a, owner=world.head_a)
    client = client_as(world.head_b)
    for name in ("audits:action_detail", "audits:action_report_done", "audits:action_report_not_actioned"):
        assert client.get(reverse(name, kwargs={"pk": action.pk})).status_code == 404
    assert client.get(reverse("audits:school_actions", kwargs={"urn": world.school_a.urn})).status_code == 404
    response = client.post(
        reverse("audits:action_report_not_actioned", kwargs={"pk": action.pk}), {"reason": "Not ours"}
    )
    assert response.status_code == 404
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_a_head_sees_only_their_schools_actions(world, client_as):
    action_at(world.school_a, owner=world.head_a, description="Ashdown's own action")
    action_at(world.school_b, owner=world.head_b, description="Brookfield's action")
    page = client_as(world.head_a).get(reverse("audits:school_actions", kwargs={"urn": world.school_a.urn}))
    assert "Ashdown&#x27;s own action" in page.content.decode()
    assert "Brookfield" not in page.content.decode()


def test_an_evidence_file_over_the_limit_is_refused_with_a_clear_message(world, client_as):
    action = action_at(world.school_a, owner=world.head_a)
    big = SimpleUploadedFile("photo.pdf", b"%PDF-" + b"x" * (10 * 1024 * 1024 + 1))
    response = client_as(world.head_a).post(
        reverse("audits:action_report_done", kwargs={"pk": action.pk}),
        {"actions_taken": "Done", "outcome": "Fine", "completed_on": _today().isoformat(), "evidence": big},
    )
    assert response.status_code == 200
    assert (
        "The file must be smaller than 10 MB; &#x27;photo.pdf&#x27; is 10.0 MB." in response.content.decode()
    )
    assert "Done" in response.content.decode()  # what was typed is kept
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_an_evidence_file_of_a_disallowed_type_is_refused_with_a_clear_message(world, client_as):
    action = action_at(world.school_a, owner=world.head_a)
    response = client_as(world.head_a).post(
        reverse("audits:action_report_done", kwargs={"pk": action.pk}),
        {
            "actions_taken": "Done",
            "outcome": "Fine",
            "completed_on": _today().isoformat(),
            "evidence": SimpleUploadedFile("macro.docm", b"PK\x03\x04"),
        },
    )
    assert "The file must be one of: PDF, PNG, JPG, JPEG, DOCX, XLSX." in response.content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_an_audit_report_of_a_disallowed_type_is_refused(world, client_as):
    response = client_as(world.compliance_manager).post(
        reverse("audits:audit_create"),
        {
            "school": world.school_a.pk,
            "audit_type": 1,
            "carried_out_on": _today().isoformat(),
            "report": SimpleUploadedFile("report.html", b"<html>"),
        },
    )
    assert response.status_code == 200
    assert "The file must be one of" in response.content.decode()


def test_the_export_makes_formula_cells_inert(world, client_as):
    action_at(world.school_a, owner=world.head_a, description='=HYPERLINK("http://evil.example","Click")')
    response = client_as(world.compliance_manager).get(reverse("audits:actions_export") + "?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][4] == "Action"
    assert rows[1][4] == '\'=HYPERLINK("http://evil.example","Click")'


def test_the_xlsx_export_makes_formula_cells_inert(world, client_as):
    from openpyxl import load_workbook

    action_at(world.school_a, owner=world.head_a, description='=HYPERLINK("http://evil.example","Click")')
    response = client_as(world.head_a).get(
        reverse("audits:school_actions_export", kwargs={"urn": world.school_a.urn}) + "?format=xlsx"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=5)
    assert cell.data_type == "s"
    assert cell.value == '\'=HYPERLINK("http://evil.example","Click")'


def test_the_filters_narrow_the_compliance_managers_list(world, client_as):
    late = action_at(
        world.school_a, owner=world.head_a, due_on=_today() - timedelta(days=3), description="Late one"
    )
    action_at(world.school_a, owner=world.head_a, description="On time one")
    action_at(
        world.school_b, owner=world.head_b, status=ActionStatus.REPORTED_DONE, description="Reported one"
    )
    client = client_as(world.compliance_manager)
    overdue = client.get(reverse("audits:actions") + "?overdue=on").content.decode()
    assert "Late one" in overdue and "On time one" not in overdue and "Reported one" not in overdue
    awaiting = client.get(reverse("audits:actions") + "?awaiting_check=on").content.decode()
    assert "Reported one" in awaiting and "Late one" not in awaiting
    by_school = client.get(reverse("audits:actions") + f"?school={world.school_b.pk}").content.decode()
    assert "Reported one" in by_school and "Late one" not in by_school
    high = client.get(reverse("audits:actions") + f"?priority={Priority.HIGH}").content.decode()
    assert "No audit actions to show." in high
    assert late.pk


def test_the_grid_counts_open_and_overdue_actions_by_school_and_type(world, client_as):
    action_at(world.school_a, owner=world.head_a, due_on=_today() - timedelta(days=3))
    action_at(world.school_a, owner=world.head_a)
    action_at(world.school_a, owner=world.head_a, status=ActionStatus.CLOSED)
    page = client_as(world.ceo).get(reverse("audits:grid")).content.decode()
    assert "2 open" in page and "1 overdue" in page


def test_the_compliance_manager_lands_on_the_to_do_page_with_the_schedule_in_the_menu(world, client_as):
    client = client_as(world.compliance_manager)
    response = client.get(reverse("home"))
    assert response["Location"] == reverse("todo:list")
    assert f'href="{reverse("audits:schedule")}"' in client.get(response["Location"]).content.decode()


def test_the_school_page_shows_the_audit_panel_with_its_link(world, client_as):
    action_at(world.school_a, owner=world.head_a, due_on=_today() - timedelta(days=1))
    page = client_as(world.lsb_chair_a).get(reverse("schools:detail", kwargs={"urn": world.school_a.urn}))
    html = page.content.decode()
    assert "1 outstanding audit action" in html and "1 overdue" in html
    assert reverse("audits:school_actions", kwargs={"urn": world.school_a.urn}) in html


def test_the_report_and_close_pages_walk_an_action_to_closed(world, client_as):
    action = action_at(world.school_a, owner=world.head_a, priority=Priority.HIGH)
    head = client_as(world.head_a)
    response = head.post(
        reverse("audits:action_report_done", kwargs={"pk": action.pk}),
        {
            "actions_taken": "Closer fitted",
            "outcome": "Door self-closes",
            "completed_on": _today().isoformat(),
            "evidence": SimpleUploadedFile("cert.pdf", b"%PDF-1.7 cert"),
        },
    )
    assert response.status_code == 302
    manager = client_as(world.compliance_manager)
    detail = manager.get(reverse("audits:action_detail", kwargs={"pk": action.pk})).content.decode()
    assert "Closer fitted" in detail and "cert.pdf" in detail
    evidence = action.events.get(kind="reported_done")
    download = manager.get(reverse("audits:evidence_download", kwargs={"pk": evidence.pk}))
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.7 cert"
    response = manager.post(
        reverse("audits:action_close", kwargs={"pk": action.pk}), {"closed_on": _today().isoformat()}
    )
    assert response.status_code == 302
    assert AuditAction.objects.get(pk=action.pk).status == ActionStatus.CLOSED


def test_closing_a_high_priority_action_without_evidence_shows_why_on_the_page(world, client_as):
    action = action_at(
        world.school_a, owner=world.head_a, priority=Priority.HIGH, status=ActionStatus.REPORTED_DONE
    )
    response = client_as(world.compliance_manager).post(
        reverse("audits:action_close", kwargs={"pk": action.pk}),
        {"closed_on": _today().isoformat(), "comment": "Looks fine"},
    )
    assert response.status_code == 200
    assert "cannot be closed on a narrative alone" in response.content.decode()


def test_a_head_has_a_header_link_to_their_own_schools_actions_only(world, client_as):
    page = client_as(world.head_a).get(reverse("schools:detail", kwargs={"urn": world.school_a.urn}))
    nav = page.content.decode().split("</nav>")[0]
    assert reverse("audits:school_actions", kwargs={"urn": world.school_a.urn}) in nav
    assert reverse("audits:school_actions", kwargs={"urn": world.school_b.urn}) not in nav


def test_the_back_office_shows_actions_and_their_thread_read_only(world, client_as):
    from django.contrib.auth import get_user_model

    admin_client = client_as(get_user_model().objects.create_superuser("admin@trust.example", "x" * 16))
    action = action_at(world.school_a, owner=world.head_a)
    assert admin_client.get(reverse("admin:audits_auditaction_changelist")).status_code == 200
    page = admin_client.get(reverse("admin:audits_auditaction_change", args=[action.pk]))
    assert page.status_code == 200 and "Save" not in page.content.decode()
    assert admin_client.get(reverse("admin:audits_audittype_changelist")).status_code == 200


def test_the_actions_list_shows_outstanding_first_50_a_page_keeping_the_filters(world, client_as):
    today = timezone.localdate()
    for n in range(55):
        action_at(
            world.school_a, owner=world.head_a, priority=Priority.HIGH, due_on=today + timedelta(days=n)
        )
    closed = action_at(
        world.school_a, owner=world.head_a, priority=Priority.HIGH, due_on=today - timedelta(days=9)
    )
    AuditAction.objects.filter(pk=closed.pk).update(status=ActionStatus.CLOSED, closed_on=today)
    action_at(world.school_a, owner=world.head_a, priority=Priority.LOW, due_on=today)
    client = client_as(world.compliance_manager)
    first = client.get(reverse("audits:actions"), {"priority": Priority.HIGH})
    assert first.context["page"].paginator.count == 56
    listed = list(first.context["page"])
    assert len(listed) == 50 and closed not in listed
    assert [a.due_on for a in listed] == sorted(a.due_on for a in listed)
    assert f"?priority={Priority.HIGH}&amp;page=2" in first.content.decode()
    second = client.get(reverse("audits:actions"), {"priority": Priority.HIGH, "page": 2})
    assert len(second.context["page"]) == 6
    assert list(second.context["page"])[-1] == closed  # the closed one comes last
    assert f'value="{Priority.HIGH}" selected' in second.content.decode()
