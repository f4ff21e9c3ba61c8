"""schemathesis against the served schema, through the WSGI app, on the suite's database (PostgreSQL in CI).

Hypothesis makes requests from the schema; each must get an answer the schema describes, and never a
server error. The same requests with no token, a made-up token, a revoked token or a token without the
operation's scope must get 401 or 403 and nothing else. Examples are bounded so it runs in about a minute.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.transport.prepare import get_exclude_headers

from api.scopes import Scope
from api.services import integration_client_create, integration_client_revoke
from tests.factories import SchoolFactory

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def bounded(examples):
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# Read from the served schema (it needs no database), one test per operation.
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture(autouse=True)
def connection_kept_between_requests(db):
    """As Django's test client does: the test's transaction must outlive each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def tokens(world, settings):
    settings.API_RATE_LIMIT = "100000/min"
    SchoolFactory(name="Carlton Primary", urn="123456")
    _, everything = integration_client_create(name="Everything", scopes=list(Scope.values), by=world.ceo)
    revoked, revoked_token = integration_client_create(
        name="Revoked", scopes=list(Scope.values), by=world.ceo
    )
    integration_client_revoke(client=revoked, by=world.ceo)
    only = {
        scope: integration_client_create(
            name=f"All but {scope}", scopes=[s for s in Scope.values if s != scope], by=world.ceo
        )[1]
        for scope in Scope.values
    }
    return {"everything": everything, "revoked": revoked_token, "all_but": only}


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def without_generated_auth(case):
    """schemathesis may make up an Authorization header from the security scheme; the test chooses it."""
    case.headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
    return case


def sends_no_auth(case) -> bool:
    """schemathesis's own "missing Authorization" cases: it strips the header, whatever the test gives."""
    return "Authorization" in get_exclude_headers(case)


def scope_of(case) -> str:
    return case.operation.definition.raw["description"].split("`")[1]


@schema.parametrize()
@bounded(25)
def test_every_answer_is_one_the_schema_describes_and_none_is_a_server_error(case, tokens):
    response = without_generated_auth(case).call_and_validate(
        headers=bearer(tokens["everything"]), checks=CHECKS
    )
    if sends_no_auth(case):
        assert response.status_code == 401
    else:
        assert response.status_code not in (401, 403), response.text[:200]


@schema.parametrize()
@bounded(15)  # four calls per example
def test_unauthorised_and_out_of_scope_tokens_get_only_401_or_403(case, tokens):
    without_generated_auth(case)
    attempts = [({}, 401), (bearer("tp_made-up"), 401), (bearer(tokens["revoked"]), 401)]
    if not sends_no_auth(case) and case.method.upper() == case.operation.method.upper():
        attempts.append((bearer(tokens["all_but"][scope_of(case)]), 403))
    for headers, expected in attempts:
        response = case.call(headers=headers)
        assert response.status_code == expected, (headers, response.status_code, response.text[:200])
        case.validate_response(response, checks=CHECKS)
