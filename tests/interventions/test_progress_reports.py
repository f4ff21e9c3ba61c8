"""Heads report progress on FREP directives and notice targets; the CFO or CEO accepts or returns it."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from interventions import services
from interventions.models import TargetStatus
from tests.interventions import scenario


def test_the_head_reports_a_frep_directive_and_the_cfo_accepts_it(world):
    directive = scenario.frep_directive(world)
    with pytest.raises(PermissionDenied):
        services.target_progress_report(item=directive, progress="Done", by=world.head_b)
    with pytest.raises(PermissionDenied):
        services.target_progress_accept(item=directive, by=world.head_a)
    directive = services.target_progress_report(
        item=directive, progress="Recovery budget sent", done_on=date(2025, 11, 28), by=world.head_a
    )
    assert directive.status == TargetStatus.REPORTED
    with pytest.raises(ValidationError, match="reported already"):
        services.target_progress_report(item=directive, progress="Again", by=world.head_a)
    directive = services.target_progress_accept(item=directive, by=world.cfo)
    assert (directive.status, directive.met_on, directive.met_in_time) == (
        TargetStatus.MET, date(2025, 11, 28), True,
    )  # fmt: skip


def test_the_ceo_returns_a_notice_target_with_a_reason_the_head_then_sees(world, client_as):
    target = scenario.notice_target(world)
    services.target_progress_report(item=target, progress="SCR checked", by=world.head_a)
    with pytest.raises(ValidationError, match="Say why"):
        services.target_progress_return(item=target, note=" ", by=world.ceo)
    target = services.target_progress_return(item=target, note="Two staff files are missing.", by=world.ceo)
    assert target.status == TargetStatus.OPEN
    with pytest.raises(ValidationError, match="nothing is waiting"):
        services.target_progress_accept(item=target, by=world.ceo)
    page = client_as(world.head_a).get(reverse("interventions:notice_detail", args=[target.notice_id]))
    html = page.content.decode()
    assert "Returned by the trust:</strong> Two staff files are missing." in html
    assert reverse("interventions:notice_target_report", args=[target.pk]) in html


def test_the_pages_report_and_check_through_the_services(world, client_as):
    directive = scenario.frep_directive(world)
    url = reverse("interventions:frep_directive_report", args=[directive.pk])
    response = client_as(world.head_a).post(url, {"progress": "Budget sent", "done_on": "2025-11-30"})
    assert response.status_code == 302
    check = reverse("interventions:frep_directive_check", args=[directive.pk])
    page = client_as(world.cfo).post(check, {"decision": "return"}).content.decode()
    assert "Say why the report is being returned" in page
    assert client_as(world.cfo).post(check, {"decision": "accept"}).status_code == 302
    directive.refresh_from_db()
    assert directive.status == TargetStatus.MET and directive.met_on == date(2025, 11, 30)
