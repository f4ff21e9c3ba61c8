from tests.letters.worker import celery_worker  # noqa: F401  (the real-worker fixture)
