"""Journey: a head's round. From their to-do page they report one audit action done (with evidence) and one
not actioned (with the reason), in place; then read the letter on screen and as a PDF, report its
directive done and acknowledge it, on the letter's own page."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import AccessRecord
from audits.models import ActionStatus
from letters.models import DirectiveStatus, LetterStatus
from tests.audits.factories import action_at
from tests.browser.helpers import PageLoads, assert_accessible, sign_in_through_the_browser
from tests.letters.factories import directive, sent_letter

pytestmark = pytest.mark.browser

CERTIFICATE = {"name": "fra-certificate.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}


def on_the_to_do_item(page, text):
    return page.locator(".task-list__item").filter(has_text=text)


def test_a_heads_round_takes_at_most_6_page_loads(page, world):
    letter = sent_letter(world.school_a, world.ceo)
    set_directive = directive(letter, world.ceo, text="Publish the updated behaviour policy on the website")
    done = action_at(world.school_a, owner=world.head_a, description="Update the fire risk assessment")
    not_done = action_at(world.school_a, owner=world.head_a, description="Repaint the playground markings")

    sign_in_through_the_browser(page, world.head_a)  # lands on their to-do page
    expect(page.get_by_role("heading", level=1)).to_have_text("To do")
    loads = PageLoads(page)

    item = on_the_to_do_item(page, done.description)
    item.locator("summary", has_text="Report it done").click()
    item.get_by_label("Actions taken").fill("Assessor revisited; assessment rewritten.")
    item.get_by_label("Outcome").fill("New assessment signed off by the LSB.")
    item.get_by_label("Evidence").set_input_files(CERTIFICATE)
    item.get_by_role("button", name="Report the action done").click()
    page.wait_for_load_state()
    expect(page.get_by_role("status")).to_contain_text("Reported done.")
    expect(page.get_by_role("heading", level=1)).to_have_text("To do")
    assert_accessible(page)

    item = on_the_to_do_item(page, not_done.description)
    item.locator("summary", has_text="Report not actioned").click()
    item.get_by_label("Why the school decided not to act").fill("The playground is resurfaced in spring.")
    item.get_by_role("button", name="Report not actioned").click()
    page.wait_for_load_state()
    expect(page.get_by_role("status")).to_contain_text("Reported not actioned.")
    assert_accessible(page)

    page.get_by_role("link", name=f"Read and acknowledge the {letter.half_term.label} letter").click()
    page.wait_for_load_state()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert AccessRecord.objects.filter(
        person=world.head_a, action="downloaded", school=world.school_a
    ).exists()

    page.get_by_label("What was done").fill("Policy approved by the LSB and published on 20 November.")
    page.get_by_role(
        "button", name=re.compile(r"^Report done\W+Publish the updated behaviour policy")
    ).click()
    page.wait_for_load_state()
    expect(page.get_by_role("status")).to_contain_text("The CEO will review your report")
    assert f"/letters/{letter.pk}/" in page.url
    assert_accessible(page)

    page.get_by_role("button", name="Acknowledge receipt").click()
    page.wait_for_load_state()
    expect(page.get_by_role("status")).to_contain_text("receipt acknowledged")
    assert_accessible(page)

    loads.report("head's round", at_most=6)
    letter.refresh_from_db()
    set_directive.refresh_from_db()
    done.refresh_from_db()
    not_done.refresh_from_db()
    assert letter.status == LetterStatus.ACKNOWLEDGED
    assert set_directive.status == DirectiveStatus.REPORTED_DONE
    assert done.status == ActionStatus.REPORTED_DONE
    assert done.events.filter(evidence_name="fra-certificate.pdf").exists()
    assert not_done.status == ActionStatus.REPORTED_NOT_ACTIONED
