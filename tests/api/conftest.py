import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from api.services import integration_client_create


@pytest.fixture(autouse=True)
def fresh_rate_allowances():
    """Allowances live in the cache, keyed by client id; ids are reused after each test's rollback."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def integration(world):
    """`integration("Finance system", "finance:write")` -> (the client, an API client with its token)."""

    def _make(name, *scopes):
        client, token = integration_client_create(name=name, scopes=list(scopes), by=world.ceo)
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        return client, api

    return _make


def finance_row(urn, **overrides):
    row = {
        "urn": urn,
        "half_term": "Aut 2 2025-26",
        "budget_balanced_3_years": True,
        "predicted_in_year_outturn": "44000",
        "predicted_carry_forward": "52000",
        "carry_forward_target": "50000",
        "gag": "1250000",
        "reserves": "65000",
    }
    return row | overrides
