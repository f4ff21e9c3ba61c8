"""Journey 2: a head reads their letter, acknowledges it, and reports a directive and an audit action done."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import AccessRecord
from audits.models import ActionStatus
from letters.models import DirectiveStatus, LetterStatus
from tests.audits.factories import action_at
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser
from tests.letters.factories import directive, sent_letter

pytestmark = pytest.mark.browser


def follow(page, name, *, role="link", exact=True):
    page.get_by_role(role, name=name, exact=exact).first.click()
    page.wait_for_load_state()
    assert_accessible(page)


def test_a_head_reads_acknowledges_and_reports_a_directive_and_an_audit_action_done(
    page, world, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    letter = sent_letter(world.school_a, world.ceo)
    set_directive = directive(letter, world.ceo, text="Publish the updated behaviour policy on the website")
    action = action_at(world.school_a, owner=world.head_a, description="Update the fire risk assessment")

    sign_in_through_the_browser(page, world.head_a)  # lands on their to-do page
    follow(page, f"Read and acknowledge the {letter.half_term.label} letter", exact=False)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert AccessRecord.objects.filter(
        person=world.head_a, action="downloaded", school=world.school_a
    ).exists()

    page.get_by_role("button", name="Acknowledge receipt").click()
    expect(page.get_by_role("status")).to_contain_text("receipt acknowledged")
    assert_accessible(page)

    # The directive is reported on the letter itself, which the head returns to.
    page.get_by_label("What was done").fill("Policy approved by the LSB and published on 20 November.")
    page.get_by_role(
        "button", name=re.compile(r"^Report done\W+Publish the updated behaviour policy")
    ).click()
    expect(page.get_by_role("status")).to_contain_text("The CEO will review your report")
    assert f"/letters/{letter.pk}/" in page.url
    assert_accessible(page)

    follow(page, f"{world.school_a.name}: letters")
    follow(page, world.school_a.name)  # breadcrumb back to the school's page
    follow(page, f"{world.school_a.name}'s audit actions and audit schedule")
    follow(page, action.description)
    follow(page, "Report it done")
    page.get_by_label("Actions taken").fill("Assessor revisited; assessment rewritten.")
    page.get_by_label("Outcome").fill("New assessment signed off by the LSB.")
    page.get_by_label("Completion date").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Report the action done").click()
    expect(page.get_by_role("status")).to_contain_text("Reported done.")
    assert_accessible(page)

    letter.refresh_from_db()
    set_directive.refresh_from_db()
    action.refresh_from_db()
    assert letter.status == LetterStatus.ACKNOWLEDGED
    assert set_directive.status == DirectiveStatus.REPORTED_DONE
    assert action.status == ActionStatus.REPORTED_DONE
