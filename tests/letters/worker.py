"""A real Celery worker for tests: a subprocess with the test process's environment and test database.

On the embedded default it uses the filesystem broker in a per-test temporary folder; with REDIS_URL set
(as in CI) it uses Redis. The worker's emails go to files the test can read. Mark tests that use it
`@pytest.mark.worker`; they need `transactional_db` so the worker sees what the test wrote.
"""

import os
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import kombu.pools
import pytest
from django.conf import settings as django_settings
from django.db import connection

# What Django's file email backend writes after each message.
MESSAGE_END = "\n" + "-" * 79 + "\n"
READY_TIMEOUT = 90  # seconds; a cold start imports Django, Celery and WeasyPrint


@dataclass
class Worker:
    process: subprocess.Popen
    mail_dir: Path
    output: list = field(default_factory=list)
    reader: threading.Thread | None = None

    def emails(self) -> list[str]:
        """Every message the worker sent. Django's file backend names a file by the second and its own
        id, so two messages sent in the same second can share a file: split on the line it ends each with."""
        if not self.mail_dir.exists():
            return []
        return [
            message
            for path in sorted(self.mail_dir.iterdir())
            for message in path.read_text().split(MESSAGE_END)
            if message.strip()
        ]

    def log(self) -> str:
        return "".join(self.output[-80:])


def wait_for(predicate, *, timeout=60, what="the worker to finish", worker=None):
    """Poll until `predicate()` is true; fail with the worker's log if it never is."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    log = worker.log() if worker else ""
    pytest.fail(f"Timed out waiting for {what}.\n{log}")


def _point_producer_at(app, transport_options):
    """Make this process send tasks where the worker listens (the broker settings were read at startup)."""
    app.conf.CELERY_BROKER_TRANSPORT_OPTIONS = transport_options  # the app reads Django settings, namespaced
    app.pool.force_close_all()
    kombu.pools.reset()  # the shared producer pools are keyed by URL, which is the same "filesystem://"
    app._pool = None
    app.amqp._producer_pool = None


def _spawn(env, *, options=()):
    command = [
        sys.executable,
        *("-m", "celery", "-A", "trust_portal", "worker", "--loglevel=info"),
        *(
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"test-{uuid.uuid4().hex[:8]}@%h",
        ),
        *(options or ("--pool=solo",)),
    ]
    process = subprocess.Popen(
        command,
        cwd=django_settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    worker = Worker(process=process, mail_dir=Path(env.get("PORTAL_TEST_MAIL_DIR", "/nonexistent")))
    ready = threading.Event()

    def read_output():
        for line in process.stdout:
            worker.output.append(line)
            if " ready." in line:
                ready.set()

    worker.reader = threading.Thread(target=read_output, daemon=True)
    worker.reader.start()
    if not ready.wait(READY_TIMEOUT):
        _stop(worker)
        pytest.fail(f"The Celery worker did not start.\n{worker.log()}")
    return worker


def _stop(worker):
    if worker.process.poll() is None:
        worker.process.terminate()
        try:
            worker.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.process.kill()
            worker.process.wait()
    worker.reader.join(timeout=5)


@contextmanager
def worker_environment(tmp_path, settings):
    """Yields `start(env={...}, options=[...])`, which starts a real worker (again, after a kill, if called
    again); every one started is stopped at the end. The default is one solo-pool worker with file email."""
    from trust_portal.celery import app

    settings.MEDIA_ROOT = tmp_path / "media"
    mail_dir = tmp_path / "mail"
    base_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "trust_portal.settings",
        "PORTAL_WORKER_DATABASE_NAME": str(connection.settings_dict["NAME"]),
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "EMAIL_URL": f"filemail:///{mail_dir}",
        "PORTAL_TEST_MAIL_DIR": str(mail_dir),
        "PYTHONUNBUFFERED": "1",
    }
    old_options = dict(app.conf.broker_transport_options)
    if django_settings.REDIS_URL:
        app.control.purge()  # nothing left over from an earlier run
    else:
        queue_dir = tmp_path / "celery"
        for folder in ("queue", "control"):
            (queue_dir / folder).mkdir(parents=True)
        base_env["CELERY_QUEUE_DIR"] = str(queue_dir)
        _point_producer_at(
            app,
            {
                "data_folder_in": str(queue_dir / "queue"),
                "data_folder_out": str(queue_dir / "queue"),
                "control_folder": str(queue_dir / "control"),
                "store_processed": False,
            },
        )
    started = []

    def start(*, env=None, options=()):
        worker = _spawn({**base_env, **(env or {})}, options=options)
        started.append(worker)
        return worker

    try:
        yield start
    finally:
        for worker in started:
            _stop(worker)
        if not django_settings.REDIS_URL:
            _point_producer_at(app, old_options)


@pytest.fixture
def start_worker(transactional_db, tmp_path, settings):
    with worker_environment(tmp_path, settings) as start:
        yield start


@pytest.fixture
def celery_worker(transactional_db, tmp_path, settings):
    with worker_environment(tmp_path, settings) as start:
        yield start()
