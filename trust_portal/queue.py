"""Handing work to the task queue without ever leaving a half-saved click behind.

A view asks `broker_reachable()` before it saves anything, so a click either queues its work or says the
queue could not be reached and does nothing. Work is sent with `enqueue()`, which never raises on a
broker fault: whatever it could not send stays recorded as waiting, for the sweeper or a Retry.
"""

import logging
from collections.abc import Callable

from kombu.exceptions import OperationalError as BrokerError

logger = logging.getLogger(__name__)

BROKER_ERRORS = (BrokerError, ConnectionError, OSError)
QUEUE_UNREACHABLE = (
    "The task queue could not be reached, so nothing was sent and nothing was changed. "
    "Try again in a few minutes; if it keeps happening, tell the trust's IT support."
)


def broker_reachable() -> bool:
    from trust_portal.celery import app

    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=3)
    except BROKER_ERRORS:
        return False
    return True


def enqueue(send: Callable[[], object], *, what: str) -> bool:
    """Run `send` (an `apply_async`/`delay` call); False, logged, if the broker could not take it."""
    try:
        send()
    except BROKER_ERRORS:
        logger.warning("Could not queue %s: the broker is unreachable; the sweeper will queue it", what)
        return False
    return True
