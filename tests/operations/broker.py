"""Point this process's Celery app at a port nothing listens on: a real unreachable broker."""

import socket
from contextlib import contextmanager

import kombu.pools


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # freed on close: nothing listens there


def _reset(app):
    app.pool.force_close_all()
    kombu.pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def broker_unreachable():
    from trust_portal.celery import app

    old = app.conf.CELERY_BROKER_URL  # the app reads Django settings, namespaced
    app.conf.CELERY_BROKER_URL = f"redis://127.0.0.1:{_closed_port()}/0"
    _reset(app)
    try:
        yield
    finally:
        app.conf.CELERY_BROKER_URL = old
        _reset(app)
