"""Journey 3: the compliance manager checks what schools reported, closes one action and reopens another."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from audits.models import ActionStatus
from audits.services import audit_action_report_done
from tests.audits.factories import action_at
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser

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


def open_and_check(page, name, *, role="link", exact=True):
    page.get_by_role(role, name=name, exact=exact).first.click()
    page.wait_for_load_state()
    assert_accessible(page)


def test_the_compliance_manager_closes_one_action_and_reopens_another(page, world):
    to_close = reported_done(world, "Replace the self-closer on the hall fire door")
    to_reopen = reported_done(world, "Test the emergency lighting monthly and log it")

    sign_in_through_the_browser(page, world.compliance_manager)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    open_and_check(page, "Audit actions")
    open_and_check(page, "Reported, awaiting a check (2)")
    open_and_check(page, to_close.description)
    open_and_check(page, "Close it")
    # The form's initial "today" does not reach the browser's date picker (audits' date inputs render it as
    # 23/11/2026, which type="date" refuses), so the person types it, as they would.
    page.get_by_label("Closure date").fill(timezone.localdate().isoformat())
    page.get_by_label("Comment").fill("Photo of the new closer seen.")
    page.get_by_role("button", name="Close the action").click()
    expect(page.get_by_role("status").get_by_text("Action closed.")).to_be_visible()
    assert_accessible(page)
    to_close.refresh_from_db()
    assert to_close.status == ActionStatus.CLOSED and to_close.closed_on == timezone.localdate()

    open_and_check(page, "Audit actions")
    open_and_check(page, to_reopen.description)
    open_and_check(page, "Reopen it")
    page.get_by_role("button", name="Reopen the action").click()
    expect(page.get_by_role("alert").get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Why you are reopening it").fill("The log has no entries for October: send it.")
    page.get_by_role("button", name="Reopen the action").click()
    expect(page.get_by_role("status").get_by_text("Action reopened.")).to_be_visible()
    assert_accessible(page)
    to_reopen.refresh_from_db()
    assert to_reopen.status == ActionStatus.REOPENED
