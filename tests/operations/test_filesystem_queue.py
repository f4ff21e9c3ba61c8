"""The embedded default's queue (trust_portal/broker.py): a worker whose prefetch is full, or whose queue is
empty, returns from its wait after one poll, so its finished tasks are acknowledged and more fetched."""

import threading

import pytest
from kombu import Connection, Queue

from trust_portal.broker import Transport

# No rows are read; the suite's session fixtures expect a test database all the same.
pytestmark = pytest.mark.django_db


@pytest.fixture
def connection(tmp_path):
    folder = str(tmp_path)
    options = {"data_folder_in": folder, "data_folder_out": folder, "polling_interval": 0.05}
    with Connection("filesystem://", transport_options=options) as conn:
        yield conn


def test_filesystem_urls_use_the_portals_transport(connection):
    assert isinstance(connection.transport, Transport)


def test_a_full_prefetch_gives_up_the_wait_after_one_poll_not_the_whole_timeout(connection):
    queue = Queue("work", routing_key="work")
    with connection.Producer() as producer:
        for n in range(2):
            producer.publish({"n": n}, routing_key="work", declare=[queue])
    received, outcome = [], []
    with connection.Consumer(queue, callbacks=[lambda body, message: received.append(message)]) as consumer:
        consumer.qos(prefetch_count=1)
        connection.drain_events(timeout=60)  # the first task arrives; it is not acknowledged yet

        def wait():
            try:
                connection.drain_events(timeout=60)  # the worker loop's call, with its prefetch full
            except TimeoutError:
                outcome.append("gave up")

        waiting = threading.Thread(target=wait, daemon=True)
        waiting.start()
        waiting.join(timeout=20)  # without the cap it would wait the full minute
        assert outcome == ["gave up"]
        assert len(received) == 1
        received[0].ack()
        connection.drain_events(timeout=60)  # acknowledged: the next one is fetched
    assert len(received) == 2
