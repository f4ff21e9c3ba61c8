"""What every browser test does: sign a persona in through the real pages, and check each page with axe."""

import re

from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.mfa import AUTHENTICATOR_APP, second_factor_required
from schools.access import forget_access
from tests.factories import PASSWORD

AXE = Axe()  # axe-core ships inside the package: nothing is fetched from the internet
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


def assert_accessible(page):
    """Fail on any serious or critical WCAG 2.2 AA violation axe-core finds on the page as it is now."""
    results = AXE.run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}
    )
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{page.url}\n" + "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} - {[n['target'] for n in v['nodes']]}" for v in blocking
    )


def visit(page, path):
    """Open a page of the portal and check it, as every journey does on every page it visits."""
    response = page.goto(path)
    assert response is not None and response.ok, f"{path} answered {response and response.status}"
    assert_accessible(page)
    return response


def current_code(device: TOTPDevice) -> str:
    """The code the person's authenticator app would show now, computed from the device's key."""
    # Each code is accepted once; forget the last one used so a test may sign the same person in twice.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def sign_in_through_the_browser(page, user, *, password=PASSWORD):
    """Sign a persona in on the real sign-in page, passing the second factor when the portal asks for it.

    Every page passed through is checked with axe.
    """
    _ready_to_sign_in(user)
    visit(page, "/accounts/sign-in/")
    _sign_in_here(page, user, password=password)


def follow_the_link_and_sign_in(page, user, link, *, password=PASSWORD):
    """A signed-out person opens a link from an email: the portal asks them to sign in (and for their
    second factor), then takes them to the link's page."""
    _ready_to_sign_in(user)
    page.goto(link)
    page.wait_for_load_state()
    assert "/accounts/sign-in/" in page.url, f"{link} did not ask to sign in: {page.url}"
    assert_accessible(page)
    _sign_in_here(page, user, password=password)


def _ready_to_sign_in(user):
    if second_factor_required(user) and not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        # As if they set up their app on an earlier day (test_two_factor.py walks through setting it up).
        TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_APP, confirmed=True)
    forget_access(user)


def _sign_in_here(page, user, *, password):
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if re.search(r"/accounts/two-factor/verify/", page.url):
        assert_accessible(page)
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        page.get_by_label("Code from your authenticator app").fill(current_code(device))
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state()
    assert "/accounts/" not in page.url, f"still on {page.url} after signing in"
    assert_accessible(page)


class PageLoads:
    """Counts the pages a journey loads in the browser: every navigation of the main frame, a form POST
    included and its redirect not counted again, a download included. Background fetches (the letters'
    progress, the half-term screen's rows) are not navigations and are not counted."""

    def __init__(self, page):
        self.page = page
        self.loads: list[str] = []
        page.on("request", self._seen)

    def _seen(self, request):
        if (
            request.is_navigation_request()
            and request.frame == self.page.main_frame
            and request.redirected_from is None
        ):
            self.loads.append(f"{request.method} {request.url}")

    @property
    def count(self) -> int:
        return len(self.loads)

    def report(self, name: str, *, at_most: int):
        """Print the journey's figure (the CI log keeps it) and hold it to the goal."""
        print(f"\nJOURNEY {name}: {self.count} page loads")
        for load in self.loads:
            print(f"    {load}")
        assert self.count <= at_most, f"{name} took {self.count} page loads, more than {at_most}"
