from tests.letters.worker import celery_worker, start_worker  # noqa: F401  (the real-worker fixtures)
