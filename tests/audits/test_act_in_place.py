"""Reported and checked where the action is listed: the forms post to the action's own moves and return to
the page they came from (never to another site)."""

from django.urls import reverse
from django.utils import timezone

from audits.models import ActionStatus
from audits.services import audit_action_report_done
from tests.audits.factories import action_at


def _reported(world):
    action = action_at(world.school_a, owner=world.head_a, description="Replace the hall fire door closer")
    return audit_action_report_done(
        action=action,
        actions_taken="Contractor replaced it.",
        outcome="Working.",
        completed_on=timezone.localdate(),
        by=world.head_a,
    )


def test_the_actions_list_offers_the_compliance_manager_the_check_with_what_the_school_said(world, client_as):
    _reported(world)
    page = client_as(world.compliance_manager).get(reverse("audits:actions")).content.decode()
    assert "Contractor replaced it." in page and "Close the action" in page and "Reopen the action" in page


def test_a_close_from_the_list_returns_to_the_list_and_an_outside_address_is_ignored(world, client_as):
    action = _reported(world)
    client = client_as(world.compliance_manager)
    data = {"closed_on": timezone.localdate().isoformat(), "next": "/audits/actions/?awaiting_check=on"}
    response = client.post(reverse("audits:action_close", args=[action.pk]), data)
    assert response.status_code == 302 and response.url == "/audits/actions/?awaiting_check=on"
    action.refresh_from_db()
    assert action.status == ActionStatus.CLOSED

    response = client.post(
        reverse("audits:action_reopen", args=[action.pk]),
        {"comment": "Send the certificate.", "next": "https://elsewhere.example/"},
    )
    assert response.url == reverse("audits:action_detail", args=[action.pk])


def test_a_report_refused_in_place_shows_the_form_with_its_errors_and_keeps_where_to_return(world, client_as):
    action = action_at(world.school_a, owner=world.head_a)
    page = client_as(world.head_a).post(
        reverse("audits:action_report_done", args=[action.pk]), {"outcome": "Done.", "next": "/todo/"}
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert "Say what actions the school took" in html and 'name="next" value="/todo/"' in html


def test_a_head_sees_the_report_forms_on_their_schools_actions_and_another_head_sees_nothing(
    world, client_as
):
    action_at(world.school_a, owner=world.head_a, description="Update the fire risk assessment")
    page = client_as(world.head_a).get(reverse("audits:school_actions", args=[world.school_a.urn]))
    assert "Report the action done" in page.content.decode()
    other = client_as(world.head_b).get(reverse("audits:school_actions", args=[world.school_a.urn]))
    assert other.status_code == 404
