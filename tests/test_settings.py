"""Settings come from the environment and fail loudly: checked in a fresh interpreter each time."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "x" * 60,
    "DJANGO_ALLOWED_HOSTS": "portal.trust.example",
    "DATABASE_URL": "postgres://portal@db:5432/portal",
    "REDIS_URL": "redis://redis:6379/0",
}


def load_settings(**env):
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from trust_portal import settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'])",
        ],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
    )


def test_with_nothing_set_the_portal_runs_on_the_embedded_default():
    result = load_settings()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "django.db.backends.sqlite3"]


def test_production_settings_load_with_everything_set():
    result = load_settings(**PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "django.db.backends.postgresql"]


@pytest.mark.parametrize(
    "missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"]
)
def test_production_refuses_to_start_without(missing):
    env = dict(PRODUCTION)
    del env[missing]
    result = load_settings(**env)
    assert result.returncode != 0
    assert missing in result.stderr or "PostgreSQL" in result.stderr


def test_a_bad_boolean_is_refused():
    result = load_settings(DJANGO_DEBUG="perhaps")
    assert result.returncode != 0


@pytest.mark.parametrize(
    ("env", "prefetch"), [({}, "8 filesystem"), ({"REDIS_URL": "redis://redis:6379/0"}, "1 redis")]
)
def test_workers_prefetch_8_tasks_on_the_filesystem_transport_and_1_on_redis(env, prefetch):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from trust_portal import settings as s; "
            "print(s.CELERY_WORKER_PREFETCH_MULTIPLIER, s.CELERY_BROKER_URL.split(':')[0])",
        ],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL"))} | env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == prefetch
