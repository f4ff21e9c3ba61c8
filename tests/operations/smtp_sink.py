"""A real SMTP server on 127.0.0.1 (aiosmtpd, in a thread of the test) that keeps every message it takes."""

import socket
import threading
from contextlib import contextmanager

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self):
        self.messages: list[str] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            self.messages.append(envelope.content.decode("utf-8", "replace"))
        return "250 Message accepted for delivery"

    def received(self) -> list[str]:
        with self._lock:
            return list(self.messages)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def smtp_sink():
    """Yields (sink, EMAIL_URL for a worker to send through it)."""
    sink = Sink()
    port = _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, f"smtp://127.0.0.1:{port}"
    finally:
        controller.stop()
