import json
import urllib.error
import urllib.request

import pytest

from api.models import ApiCall
from tests.browser.helpers import assert_accessible, sign_in_through_the_browser, visit

pytestmark = pytest.mark.browser


def _call(url, token):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_the_ceo_adds_a_client_whose_token_then_reads_the_api_until_it_is_revoked(page, world, live_server):
    sign_in_through_the_browser(page, world.ceo)
    visit(page, "/")
    page.get_by_role("link", name="Integrations").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_role("link", name="Add a client").click()
    page.wait_for_load_state()
    page.get_by_label("Name").fill("Arbor MIS")
    page.get_by_label("Read schools (schools:read)").check()
    page.get_by_role("button", name="Add the client").click()
    page.wait_for_load_state()
    assert_accessible(page)
    token = page.get_by_label("Token").input_value()

    status, body = _call(f"{live_server.url}/api/schools/?urn=100001", token)
    assert status == 200 and body["results"][0]["name"] == "Ashdown Primary Academy"

    page.get_by_role("link", name="I have copied it").click()
    page.wait_for_load_state()
    assert_accessible(page)
    assert page.get_by_role("cell", name="/api/schools/").is_visible()
    page.get_by_role("button", name="Revoke the client").click()
    page.wait_for_load_state()
    assert page.get_by_text("Arbor MIS was revoked").is_visible()
    assert _call(f"{live_server.url}/api/schools/", token)[0] == 401
    assert list(ApiCall.objects.values_list("status", flat=True).order_by("pk")) == [200, 401]

    visit(page, "/integrations/reference/")
    assert page.get_by_role("heading", name="POST /api/finance-figures/").is_visible()
