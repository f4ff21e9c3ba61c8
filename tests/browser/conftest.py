"""Playwright (sync API) driving Debian's Chromium against pytest-django's live server.

Playwright's sync API runs an asyncio event loop in this thread, so Django's async-safety check would refuse
the database work the tests do around it; it is switched off for the test process only.
"""

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from urllib.parse import urlsplit  # noqa: E402

import pytest  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

CHROMIUM = os.environ.get("PORTAL_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab on the live portal. Any request that leaves the portal is blocked and fails the
    test, and so does anything the Content Security Policy refuses."""
    portal = urlsplit(live_server.url).netloc
    outside, csp_refusals = [], []
    context = browser.new_context(base_url=live_server.url, locale="en-GB", timezone_id="Europe/London")
    # Generous: CI runs the suite on two cores beside the browser and, for some journeys, a Celery worker.
    context.set_default_timeout(30_000)

    def only_the_portal(route):
        if urlsplit(route.request.url).netloc == portal or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_portal)
    tab = context.new_page()
    tab.on(
        "console",
        lambda message: (
            csp_refusals.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield tab
    context.close()
    assert not outside, f"pages tried to load things from outside the portal: {outside}"
    assert not csp_refusals, f"the Content Security Policy refused: {csp_refusals}"
