"""A real (fast) password hasher that counts how often a password is checked, for the throttle's tests.

A check is `verify` (an existing account) or `encode` outside `verify` (Django hashes the guess for an
unknown account too, so both take the same time)."""

import threading

from django.contrib.auth.hashers import MD5PasswordHasher

_lock = threading.Lock()
_inside = threading.local()
calls = {"count": 0}


def reset():
    with _lock:
        calls["count"] = 0


def _count():
    with _lock:
        calls["count"] += 1


class CountingHasher(MD5PasswordHasher):
    algorithm = "counting_md5"

    def verify(self, password, encoded):
        _count()
        _inside.verifying = True
        try:
            return super().verify(password, encoded)
        finally:
            _inside.verifying = False

    def encode(self, password, salt):
        if not getattr(_inside, "verifying", False):
            _count()
        return super().encode(password, salt)
