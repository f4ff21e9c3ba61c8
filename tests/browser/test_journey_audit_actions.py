"""Journey: the compliance manager checks what schools reported and closes three actions, each where it is
listed (the to-do page, then the audit actions list), without opening any action's own page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from audits.models import ActionStatus
from audits.services import audit_action_report_done
from tests.audits.factories import action_at
from tests.browser.helpers import PageLoads, assert_accessible, sign_in_through_the_browser

pytestmark = pytest.mark.browser


def reported_done(world, description):
    action = action_at(world.school_a, owner=world.head_a, description=description)
    return audit_action_report_done(
        action=action,
        actions_taken="Contractor replaced it.",
        outcome="Working; checked by the site manager.",
        completed_on=timezone.localdate(),
        by=world.head_a,
    )


def close_in_place(page, row, *, comment):
    row.locator("summary", has_text="Close it").click()
    row.get_by_label("Comment").fill(comment)
    row.get_by_role("button", name="Close the action").click()
    page.wait_for_load_state()
    expect(page.get_by_role("status").get_by_text("Action closed.")).to_be_visible()
    assert_accessible(page)


def test_the_compliance_manager_checks_and_closes_three_reported_actions_in_at_most_5_page_loads(page, world):
    actions = [
        reported_done(world, "Replace the self-closer on the hall fire door"),
        reported_done(world, "Test the emergency lighting monthly and log it"),
        reported_done(world, "Service the boiler and file the certificate"),
    ]
    sign_in_through_the_browser(page, world.compliance_manager)
    expect(page.get_by_role("heading", level=1)).to_have_text("To do")
    loads = PageLoads(page)

    # Two from the to-do page: what the school said is on the item; the form opens in place.
    for action in actions[:2]:
        item = page.locator(".task-list__item").filter(has_text=action.description)
        expect(item.get_by_text("Contractor replaced it.")).to_be_visible()
        close_in_place(page, item, comment="Photo of the work seen.")
        assert "/audits/actions/" not in page.url  # back on the to-do page

    # The third from the audit actions list, where its row has the same forms.
    page.get_by_role("link", name="Audit actions", exact=True).first.click()
    page.wait_for_load_state()
    assert_accessible(page)
    row = page.get_by_role("row").filter(has_text=actions[2].description)
    close_in_place(page, row, comment="Certificate seen.")
    assert "/audits/actions/" in page.url

    loads.report("compliance manager", at_most=5)
    for action in actions:
        action.refresh_from_db()
        assert action.status == ActionStatus.CLOSED and action.closed_on == timezone.localdate()


def test_a_reopen_without_a_reason_is_refused_with_what_was_typed_and_returns_to_the_list_once_given(
    page, world
):
    action = reported_done(world, "Test the emergency lighting monthly and log it")
    sign_in_through_the_browser(page, world.compliance_manager)
    page.goto("/audits/actions/?awaiting_check=on")
    row = page.get_by_role("row").filter(has_text=action.description)
    row.locator("summary", has_text="Reopen it").click()
    row.get_by_role("button", name="Reopen the action").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Say why the action is reopened")
    assert_accessible(page)
    page.get_by_label("Why you are reopening it").fill("The log has no entries for October: send it.")
    page.get_by_role("button", name="Reopen the action").click()
    page.wait_for_load_state()
    expect(page.get_by_role("status").get_by_text("Action reopened.")).to_be_visible()
    assert "/audits/actions/?awaiting_check=on" in page.url
    assert_accessible(page)
    action.refresh_from_db()
    assert action.status == ActionStatus.REOPENED
