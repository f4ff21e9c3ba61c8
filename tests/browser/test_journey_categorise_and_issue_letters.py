"""Journey: the CEO's half-term. Categorise 12 schools with 2 moves, one needing a panel vote (the CEO opens
it with their own vote; the other members vote from their email links; the CEO closes it from the to-do
page), start, approve and issue every letter (a real Celery worker makes and sends them, as in
production), and see who has acknowledged."""

import re

import pytest
from playwright.sync_api import expect

from categorisation.models import Categorisation, Choice, Vote, VoteStatus
from letters.models import Letter, LetterStatus
from letters.services import letter_acknowledge
from schools.models import HalfTerm
from tests.browser.helpers import (
    PageLoads,
    assert_accessible,
    follow_the_link_and_sign_in,
    sign_in_through_the_browser,
)
from tests.categorisation.factories import CategorisationFactory, level
from tests.factories import SchoolFactory
from tests.letters.worker import celery_worker, wait_for  # noqa: F401, F811  (the real-worker fixture)

pytestmark = pytest.mark.browser

DIMENSIONS = ["education", "finance", "site_hs"]
VOTE_LINK = re.compile(r"https?://[^\s\"<]+(/categorisation/votes/\d+/)")
MOTION = "Two of the five warning-notice targets were not met by the end of the notice period."
BATCH_TIMEOUT = 180_000  # twelve PDFs on two shared cores


def vote_link_sent_to(worker, person):
    """The link in the vote-opened email the worker sent to this person."""
    for message in worker.emails():
        if f"To: {person.email}" in message and VOTE_LINK.search(message):
            return VOTE_LINK.search(message).group(1)
    return None


def votes_from_the_email_link(browser, live_server, worker, person):
    """Another member, in their own browser: from the email link to a cast vote (not the CEO's page loads)."""
    wait_for(
        lambda: vote_link_sent_to(worker, person), what=f"the vote email to {person.email}", worker=worker
    )
    context = browser.new_context(base_url=live_server.url, locale="en-GB", timezone_id="Europe/London")
    context.set_default_timeout(30_000)
    tab = context.new_page()
    follow_the_link_and_sign_in(tab, person, live_server.url + vote_link_sent_to(worker, person))
    tab.get_by_label("For", exact=True).check()
    tab.get_by_role("button", name="Record my vote").click()
    expect(tab.get_by_role("status")).to_contain_text("Your vote is recorded")
    context.close()


@pytest.mark.worker
def test_the_ceos_half_term_takes_at_most_10_page_loads(page, browser, live_server, world, celery_worker):  # noqa: F811
    half_term = HalfTerm.objects.current()
    schools = [world.school_a, world.school_b] + [
        SchoolFactory(name=f"Oakfield {n:02d} Academy", urn=f"2000{n:02d}") for n in range(10)
    ]
    for school in schools:
        for dimension in DIMENSIONS:
            was = "poor" if (school, dimension) == (world.school_a, "education") else "universal"
            CategorisationFactory(school=school, half_term=half_term.previous(), level=level(dimension, was))

    sign_in_through_the_browser(page, world.ceo)
    expect(page.get_by_role("heading", level=1)).to_have_text("To do")
    loads = PageLoads(page)

    # The half-term screen: every control starts at last half-term's category; two move.
    page.get_by_role("link", name=f"Categorise 12 schools for {half_term.label}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Categorise the schools, {half_term.label}")
    assert_accessible(page)
    page.get_by_label(f"Education category for {world.school_b.name}").select_option(label="Concerning")
    page.get_by_label(f"Rationale for {world.school_b.name}, Education").fill(
        "Reading outcomes fell for the second year; the LA raised concerns in its visit."
    )
    unacceptable = level("education", "unacceptable")
    page.get_by_label(f"Education category for {world.school_a.name}").select_option(str(unacceptable.pk))
    page.get_by_label(f"Rationale for {world.school_a.name}, Education").fill(MOTION)
    page.get_by_role("button", name="Save the decisions", exact=True).click()  # the Save at the top
    expect(page.get_by_role("alert")).to_contain_text("needs a vote")
    assert_accessible(page)
    assert Categorisation.objects.filter(half_term=half_term).count() == 35

    # The refused move opens its vote, pre-filled; the CEO votes as they open it.
    page.get_by_role("link", name=f"Open the vote for {world.school_a.name}, Education").first.click()
    expect(page.get_by_label("Motion")).to_have_value(MOTION)
    assert_accessible(page)
    page.get_by_label("For", exact=True).check()
    page.get_by_role("button", name="Open the vote").click()
    expect(page.get_by_role("status")).to_contain_text("Your vote is recorded")
    assert_accessible(page)

    for member in (world.head_a, world.lsb_chair_a):
        votes_from_the_email_link(browser, live_server, celery_worker, member)

    # Back on the to-do page: the vote to close, closed in place; then the letters started in place.
    page.get_by_role("link", name="To do", exact=True).click()
    vote_item = page.locator(".task-list__item").filter(has_text="Close the vote")
    vote_item.get_by_role("button", name="Close the vote").click()
    expect(page.get_by_role("status")).to_contain_text("Vote closed: 3 for, 0 against")
    assert_accessible(page)
    assert Vote.objects.get().status == VoteStatus.CARRIED
    assert (
        Categorisation.objects.current().get(
            school=world.school_a, half_term=half_term, dimension="education"
        )
    ).level == unacceptable

    page.locator(".task-list__item").filter(has_text="Start the letters").get_by_role(
        "button", name="Start the drafts"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Letters for {half_term.label}")
    assert_accessible(page)

    # Approve all; when the worker has finished, the same page offers issue-all.
    page.get_by_role("button", name="Approve all 12 drafts").click()
    expect(page.get_by_text("12 of 12 done.")).to_be_visible(timeout=BATCH_TIMEOUT)
    issue = page.get_by_role("button", name="Yes, issue 12 letters to 3 people")
    expect(issue).to_be_visible()
    assert_accessible(page)
    issue.click()
    expect(page.get_by_text("12 of 12 done.")).to_be_visible(timeout=BATCH_TIMEOUT)
    assert_accessible(page)
    assert set(Letter.objects.filter(half_term=half_term).values_list("status", flat=True)) == {
        LetterStatus.ISSUED
    }

    # Two heads acknowledge; the letters list, one click from the finished batch, says who.
    for head, school in ((world.head_a, world.school_a), (world.head_b, world.school_b)):
        letter_acknowledge(letter=Letter.objects.get(school=school, half_term=half_term), by=head)
    page.get_by_role("link", name=re.compile("who was emailed and who has acknowledged")).click()
    expect(page.get_by_text("0 draft, 0 approved, 10 issued, 2 acknowledged")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=world.school_a.name)).to_contain_text(f"by {world.head_a}")
    assert_accessible(page)

    loads.report("CEO's half-term", at_most=10)
    assert Vote.objects.get().members.filter(choice=Choice.FOR).count() == 3
