import pytest

from schools.roles import Role
from tests.categorisation.factories import CategorisationFactory, half_term, level
from tests.factories import person_with_role


@pytest.fixture
def aut1(world):
    return half_term(2026, 1)


@pytest.fixture
def aut2(world):
    return half_term(2026, 2)


@pytest.fixture
def panel(world):
    """The education panel for school A: CEO, E&S chair, head, LSB chair, mentor (and an EHT)."""
    return {
        "ceo": world.ceo,
        "es_chair": person_with_role(Role.ES_CHAIR, email="es@trust.example"),
        "eht": person_with_role(Role.EHT, email="eht@trust.example"),
        "head": world.head_a,
        "lsb_chair": world.lsb_chair_a,
        "mentor": person_with_role(Role.MENTOR, world.school_a, email="mentor@trust.example"),
    }


@pytest.fixture
def poor_school(world, aut1):
    return CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "poor"))
