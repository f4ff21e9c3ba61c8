import pytest

from schools.models import Trust


@pytest.fixture
def essex(world):
    """The trust compares its schools with Essex, as the demo trust and the seed's letter do."""
    trust = Trust.objects.get_current()
    trust.comparator_local_authority = "Essex"
    trust.save()
    return trust
