import pytest

from categorisation.models import Level

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("run", [1, 2])
def test_the_ladder_from_the_migrations_is_there_for_every_browser_test(run, page):
    assert Level.objects.exists()
