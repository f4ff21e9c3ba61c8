import pytest

from tests.letters.worker import celery_worker  # noqa: F401  (the real-worker fixture)


@pytest.fixture
def media(settings, tmp_path):
    """Generated PDFs go to a temporary folder for the test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
