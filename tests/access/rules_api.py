"""The API's URLs and the integration clients' pages.

/api/ data endpoints are in the matrix too: every persona, signed in or not, gets 401 there, because a
session cookie never authenticates the API (only a client's token does). The schema is open to all: it
holds no trust data. The clients' pages are for the CEO and the COO (COO is not a matrix persona; see
tests/api/test_client_pages.py); the API reference is for trust-wide roles.
"""

from api.services import integration_client_create
from tests.access import Rule, statuses, trust_wide_only
from tests.personas import PERSONAS

EVERYONE_401 = {persona: 401 for persona in PERSONAS}
EVERYONE_200 = {persona: 200 for persona in PERSONAS}
CEO_ONLY = statuses(default=403, ceo=200)


def a_client(world):
    client, _ = integration_client_create(name="Finance system", scopes=["finance:write"], by=world.ceo)
    return {"pk": client.pk}


RULES = [
    Rule("api:schema", EVERYONE_200),
    Rule("api:schools", EVERYONE_401),
    Rule("api:school", EVERYONE_401, kwargs=lambda world: {"urn": world.school_a.urn}),
    Rule("api:categories", EVERYONE_401),
    Rule("api:audit_actions", EVERYONE_401),
    Rule("api:audit_actions", EVERYONE_401, method="post"),
    Rule("api:letters", EVERYONE_401),
    Rule("api:pupil_numbers", EVERYONE_401, method="post"),
    Rule("api:finance_figures", EVERYONE_401, method="post"),
    Rule("api:kpi_results", EVERYONE_401, method="post"),
    Rule("api:comparators", EVERYONE_401, method="post"),
    Rule("integrations:clients", CEO_ONLY),
    Rule("integrations:client_add", CEO_ONLY),
    Rule("integrations:client", CEO_ONLY, kwargs=a_client),
    Rule("integrations:client_rotate", CEO_ONLY, kwargs=a_client, method="post"),
    Rule("integrations:client_revoke", statuses(default=403, ceo=302), kwargs=a_client, method="post"),
    Rule("integrations:reference", trust_wide_only()),
]
