"""A vote from the move that needs it: the CEO opens the pre-filled vote in one click from the refusal, and
a panel member goes from the email the portal sent to a cast vote, signing in on the way."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from accounts.mfa import second_factor_required
from categorisation.models import Choice, Vote
from categorisation.services import vote_open
from categorisation.tasks import send_vote_messages
from schools.models import HalfTerm
from schools.roles import Role
from tests.browser.helpers import (
    PageLoads,
    assert_accessible,
    follow_the_link_and_sign_in,
    sign_in_through_the_browser,
)
from tests.categorisation.factories import CategorisationFactory, level
from tests.factories import person_with_role

pytestmark = pytest.mark.browser

MOTION = "Two of the five warning-notice targets were not met by the end of the notice period."
VOTE_LINK = re.compile(r"https?://[^\s\"<]+(/categorisation/votes/\d+/)")


@pytest.fixture
def poor_last_half_term(world):
    half_term = HalfTerm.objects.current()
    CategorisationFactory(
        school=world.school_a, half_term=half_term.previous(), level=level("education", "poor")
    )
    return half_term


def test_the_ceo_opens_the_prefilled_vote_in_one_click_from_the_refused_move(
    page, world, poor_last_half_term
):
    half_term = poor_last_half_term
    unacceptable = level("education", "unacceptable")
    sign_in_through_the_browser(page, world.ceo)
    page.goto(f"/categorisation/decide/?half_term={half_term.pk}")
    page.get_by_label(f"Education category for {world.school_a.name}").select_option(str(unacceptable.pk))
    page.get_by_label(f"Rationale for {world.school_a.name}, Education").fill(MOTION)
    page.get_by_role("button", name=f"Save the decisions for {half_term.label}").click()
    expect(page.get_by_role("alert")).to_contain_text("needs a vote by the CEO, the LSB chair")
    assert_accessible(page)

    # One click from the refusal to the vote form, holding the school, the level and the motion.
    page.get_by_role("link", name=f"Open the vote for {world.school_a.name}, Education").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open a vote")
    expect(page.get_by_text(world.school_a.name).first).to_be_visible()
    expect(page.get_by_label("Proposed category")).to_have_value(str(unacceptable.pk))
    expect(page.get_by_label("Motion")).to_have_value(MOTION)
    options = page.get_by_label("Proposed category").locator("option").all_inner_texts()
    assert all(text.startswith("Education:") for text in options[1:]) and len(options) == 6
    assert_accessible(page)

    page.get_by_role("button", name="Open the vote").click()
    expect(page.get_by_role("status")).to_contain_text("3 members on the panel have been emailed a link")
    # Back on the half-term screen it came from.
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Categorise the schools, {half_term.label}")
    assert_accessible(page)
    vote = Vote.objects.get()
    assert (vote.school, vote.proposed_level, vote.motion) == (world.school_a, unacceptable, MOTION)
    assert {m.person for m in vote.members.all()} == {world.ceo, world.head_a, world.lsb_chair_a}
    assert not vote.members.exclude(choice="").exists()  # the CEO chose to vote later


# The E&S chair is a trust role: they pass the second factor on the way.
@pytest.mark.parametrize("member", ["lsb_chair_a", "head_a", "es_chair"])
def test_a_panel_member_goes_from_the_email_link_to_a_cast_vote_in_at_most_3_page_loads_and_the_second_factor(
    page, world, settings, live_server, poor_last_half_term, member
):
    if member == "es_chair":
        person = person_with_role(Role.ES_CHAIR, email="es@trust.example")
    else:
        person = getattr(world, member)
    vote = vote_open(
        school=world.school_a,
        half_term=poor_last_half_term,
        proposed_level=level("education", "unacceptable"),
        motion=MOTION,
        closes_on=timezone.localdate() + timedelta(days=7),
        by=world.ceo,
    )
    send_vote_messages(vote.pk)  # what the worker does once the vote opens
    (email,) = [m for m in mail.outbox if m.to == [person.email]]
    link = live_server.url + VOTE_LINK.search(email.body).group(1)

    loads = PageLoads(page)
    follow_the_link_and_sign_in(page, person, link)
    assert page.url == link, f"signed in, but on {page.url}"
    assert_accessible(page)
    page.get_by_label("For", exact=True).check()
    page.get_by_role("button", name="Record my vote").click()
    page.wait_for_load_state()
    expect(page.get_by_role("status")).to_contain_text("Your vote is recorded")
    assert_accessible(page)

    two_factor = second_factor_required(person)
    assert two_factor == (member == "es_chair")
    loads.report(f"panel member ({member})", at_most=3 + (1 if two_factor else 0))
    assert vote.members.get(person=person).choice == Choice.FOR
