"""The README's curl examples are accepted as written, so a new user copying them sees them work."""

import json
import re
from pathlib import Path

import pytest

from api.scopes import Scope

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
CURL = re.compile(r"curl -H \"\$T\" -H \"\$J\" \$API(/[a-z-]+/) -d '(.*?)'", re.DOTALL)
EXAMPLES = CURL.findall(README)


def test_the_readme_has_a_curl_example_for_each_write_endpoint():
    assert sorted(path for path, _ in EXAMPLES) == [
        "/audit-actions/",
        "/comparators/",
        "/finance-figures/",
        "/kpi-results/",
        "/pupil-numbers/",
    ]


@pytest.mark.parametrize(("path", "body"), EXAMPLES, ids=[path for path, _ in EXAMPLES])
def test_each_readme_example_is_saved(world, integration, path, body):
    _, api = integration("README reader", *Scope.values)

    response = api.post(f"/api{path}", json.loads(body), format="json")

    assert response.status_code in (200, 201), response.json()
