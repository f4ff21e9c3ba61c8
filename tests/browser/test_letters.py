"""The letters pages in a real browser: accessible (axe), no CSP refusals, and the progress bar updating."""

import re

import pytest
from playwright.sync_api import expect

from letters.models import BatchKind, ItemStatus, LetterBatchItem, LetterStatus
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser, visit
from tests.letters.factories import batch, directive, draft_letter, sent_letter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_head_reads_and_acknowledges_their_letter_in_the_browser(page, world):
    letter = sent_letter(world.school_a, world.ceo)
    directive(letter, world.ceo, text="Publish the behaviour policy")
    sign_in_through_the_browser(page, world.head_a)
    visit(page, f"/letters/schools/{world.school_a.urn}/")
    page.get_by_role("link", name="Aut 1, 2026", exact=True).click()
    assert_accessible(page)
    page.get_by_role("button", name="Acknowledge receipt").click()
    assert page.get_by_text("receipt acknowledged").is_visible()
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ACKNOWLEDGED


def test_the_ceo_sees_the_progress_bar_move_and_the_page_settle_when_the_batch_ends(page, world):
    running = batch(world, BatchKind.ISSUE)
    item = LetterBatchItem.objects.create(batch=running, letter=draft_letter(world.school_a, world.ceo))
    sign_in_through_the_browser(page, world.ceo)
    visit(page, "/letters/")
    visit(page, f"/letters/batches/{running.pk}/")
    assert page.get_by_text("0 of 1 done").is_visible()
    LetterBatchItem.objects.filter(pk=item.pk).update(status=ItemStatus.DONE)  # as a worker would
    # Playwright's own assertion, not wait_for_function: the page's CSP rightly forbids eval.
    expect(page.locator("progress")).to_have_attribute("value", "1")
    page.get_by_text("1 of 1 done.").wait_for()
    # Finished: the next step shows in place, without reloading the page.
    expect(page.get_by_role("link", name=re.compile("who has acknowledged"))).to_be_visible()
    assert_accessible(page)
