"""Is each part the portal needs reachable: the database, the task queue's broker, the media storage."""

import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

from trust_portal.queue import broker_reachable

DATABASE_ERRORS_NAMES = ("OperationalError", "InterfaceError")


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # noqa: BLE001 - any failure means "unavailable"; the detail is logged, not shown
        connection.close_if_unusable_or_obsolete()
        return False


def _media() -> bool:
    """Write, read back and delete a small file where uploads and PDFs are kept."""
    payload = uuid.uuid4().hex.encode()
    try:
        name = default_storage.save(f"health/{payload.decode()}.txt", ContentFile(payload))
        try:
            with default_storage.open(name) as f:
                return f.read() == payload
        finally:
            default_storage.delete(name)
    except OSError:
        return False


def health_checks() -> dict[str, bool]:
    return {"database": _database(), "broker": broker_reachable(), "media": _media()}
