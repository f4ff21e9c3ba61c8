import pytest

from tests.categorisation.factories import half_term


@pytest.fixture
def aut1(world):
    return half_term(2026, 1)


@pytest.fixture
def aut2(world):
    return half_term(2026, 2)
