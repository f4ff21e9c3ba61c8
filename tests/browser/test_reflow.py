"""Reflow (WCAG 1.4.10): every page the journeys visit, at 320 px wide and at 1280 px with 200% zoom, is no
wider than the window: wide tables scroll inside their own labelled region. axe checks each page too.

Chromium's page zoom is a device scale: at 200% a 1280 x 800 window has a devicePixelRatio of 2 and lays the
page out in 640 x 400 CSS px, with the media queries of that width. That is what is emulated here (the
DevTools protocol's device metrics: 640 x 400 CSS px at a scale of 2, which the test checks in the page).
Neither look-alike reproduces it: `Emulation.setPageScaleFactor` is pinch zoom (the layout stays 1280 px wide,
only the visual viewport shrinks) and CSS `zoom` on the root halves the width but leaves the media queries at
1280 px.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from audits.services import audit_action_report_done
from letters.models import BatchKind
from letters.services import letter_batch_start
from tests.audits.factories import action_at
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser
from tests.categorisation.factories import CategorisationFactory, level
from tests.letters.factories import decide_all, directive, draft_letter, sent_letter

pytestmark = pytest.mark.browser

# (window width, height, zoom): a 320 px phone, and a 1280 x 800 window at 200% zoom.
WINDOWS = [(320, 640, 1), (1280, 800, 2)]


def _window(page, width, height, zoom):
    """The tab as a window of width x height screen px at `zoom` (1 = 100%)."""
    if zoom == 1:
        page.set_viewport_size({"width": width, "height": height})
        return
    cdp = page.context.new_cdp_session(page)
    cdp.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": width // zoom, "height": height // zoom, "deviceScaleFactor": zoom, "mobile": False},
    )


def _no_sideways_scroll(page, path):
    width = page.evaluate("document.documentElement.clientWidth")
    wide = page.evaluate("document.documentElement.scrollWidth")
    if wide > width:
        # Name the outermost elements that stick out, to say what to fix.
        culprits = page.evaluate(
            """(width) => [...document.querySelectorAll("body *")]
                .filter((el) => el.getBoundingClientRect().right > width + 0.5
                    && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 0.5))
                .slice(0, 5)
                .map((el) => el.tagName.toLowerCase() + "." + [...el.classList].join(".")
                    + " " + Math.round(el.getBoundingClientRect().right))""",
            width,
        )
        raise AssertionError(f"{path} is {wide} px wide in a {width} px window: {culprits}")


def _check(page, paths):
    for width, height, zoom in WINDOWS:
        _window(page, width, height, zoom)
        for path in paths:
            response = page.goto(path)
            assert response is not None and response.ok, f"{path} answered {response and response.status}"
            # The page sees the window as zoomed: CSS px times the pixel ratio is the window's width.
            assert page.evaluate("[innerWidth, devicePixelRatio]") == [width // zoom, zoom], path
            _no_sideways_scroll(page, path)
            assert_accessible(page)


def test_the_ceos_journey_pages_reflow(page, world):
    from schools.models import HalfTerm

    half_term = HalfTerm.objects.current()
    previous = half_term.previous()
    for school in (world.school_a, world.school_b):
        for dimension in ("education", "finance", "site_hs"):
            CategorisationFactory(school=school, half_term=previous, level=level(dimension, "universal"))
    # A letter is approved only once its school's three categories are decided for the half-term.
    decide_all(world.school_a, world.ceo, term=half_term)
    draft_letter(world.school_a, world.ceo, term=half_term)
    batch = letter_batch_start(kind=BatchKind.APPROVE, half_term=half_term, by=world.ceo)
    sign_in_through_the_browser(page, world.ceo)
    decide = f"{reverse('categorisation:decide')}?half_term={half_term.pk}"
    _check(
        page,
        [
            reverse("categorisation:overview"),
            decide,
            f"{decide}&school={world.school_a.pk}",
            reverse("letters:list"),
            reverse("letters:batch_detail", args=[batch.pk]),
        ],
    )
    # A school's row opened on the half-term screen (its part fetched by the page's script) still fits.
    page.goto(decide)
    page.get_by_text("Rationale, evidence and characteristics", exact=False).first.click()
    page.get_by_label(f"Rationale for {world.school_a.name}, Education").wait_for()
    _no_sideways_scroll(page, decide)
    assert_accessible(page)


def test_the_heads_journey_pages_reflow(page, world):
    letter = sent_letter(world.school_a, world.ceo)
    set_directive = directive(letter, world.ceo, text="Publish the updated behaviour policy on the website")
    action = action_at(world.school_a, owner=world.head_a, description="Update the fire risk assessment")
    sign_in_through_the_browser(page, world.head_a)
    urn = world.school_a.urn
    _check(
        page,
        [
            reverse("schools:detail", args=[urn]),
            reverse("letters:detail", args=[letter.pk]),
            reverse("letters:school_letters", args=[urn]),
            reverse("letters:directive_report", args=[set_directive.pk]),
            reverse("audits:school_actions", args=[urn]),
            reverse("audits:action_detail", args=[action.pk]),
            reverse("audits:action_report_done", args=[action.pk]),
        ],
    )


def test_the_compliance_managers_journey_pages_reflow(page, world):
    action = audit_action_report_done(
        action=action_at(world.school_a, owner=world.head_a, description="Replace the self-closer"),
        actions_taken="Contractor replaced it.",
        outcome="Working; checked by the site manager.",
        completed_on=timezone.localdate(),
        by=world.head_a,
    )
    sign_in_through_the_browser(page, world.compliance_manager)
    _check(
        page,
        [
            reverse("audits:schedule"),
            reverse("audits:actions"),
            f"{reverse('audits:actions')}?awaiting_check=on",
            reverse("audits:action_detail", args=[action.pk]),
            reverse("audits:action_close", args=[action.pk]),
            reverse("audits:action_reopen", args=[action.pk]),
        ],
    )
