"""The embedded default's queue: kombu's filesystem transport, waiting one poll at a time.

The worker's loop on a polling transport asks the broker for events with a two-second timeout and only
acknowledges finished tasks (acks are late) after that call returns. kombu waits out the whole timeout
while the worker's prefetch is full, so once a worker had fetched its share it sat idle until the two
seconds were up: approve-all of 120 letters ran in bursts of 16, about 2 s each, whatever the render
took. Here the wait ends after one polling interval, so a finished task is acknowledged, and the next
one fetched, within `polling_interval` of finishing. Nothing else changes: the same folders, the same
prefetch, the same late acks (a task whose worker dies is still redelivered or swept).

`filesystem://` names this transport in every process that loads the Celery app (the web process, the
workers, beat): `use_portal_filesystem_transport()` is called as the app is made. Other URLs (Redis) are
not touched.
"""

from kombu import transport
from kombu.transport import filesystem


def use_portal_filesystem_transport() -> None:
    transport.TRANSPORT_ALIASES["filesystem"] = f"{__name__}:Transport"


class Transport(filesystem.Transport):
    def drain_events(self, connection, timeout=None):
        if timeout is not None and self.polling_interval and timeout > self.polling_interval:
            timeout = self.polling_interval  # the worker's loop acknowledges, fetches and calls again
        return super().drain_events(connection, timeout=timeout)
