import pytest

from schools.roles import Role
from tests.factories import person_with_role
from tests.letters.worker import celery_worker  # noqa: F401  (a real worker, for the test that needs one)


@pytest.fixture
def chairs(world):
    return {
        "es": person_with_role(Role.ES_CHAIR, email="es.chair@trust.example"),
        "fr": person_with_role(Role.FR_CHAIR, email="fr.chair@trust.example"),
    }
