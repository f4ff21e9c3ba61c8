"""Refusing repeated password guessing, per account and per address, the back office included.

Failures are rows in the database, so every web process sees the same count. After
`SIGN_IN_MAX_FAILURES_PER_ACCOUNT` wrong passwords for one email (or `SIGN_IN_MAX_FAILURES_PER_ADDRESS` from
one address) within `SIGN_IN_COOL_OFF`, sign-in is refused, even with the right password, until the
cool-off has passed since the last failure.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from accounts.models import FailedSignIn


def client_ip(request) -> str | None:
    """The address a request came from. Behind the trust's own proxy, its X-Forwarded-For is trusted."""
    if request is None:
        return None
    if settings.SIGN_IN_TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        # The proxy appends the address it saw last; anything before it the client could have written.
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR") or None


def _normalise(email) -> str:
    return (email or "").strip().lower()


def sign_in_locked(*, email, ip_address) -> bool:
    """True while this account or this address is cooling off after too many wrong passwords."""
    since = timezone.now() - settings.SIGN_IN_COOL_OFF
    recent = FailedSignIn.objects.filter(at__gte=since)
    by_account = recent.filter(email=_normalise(email)).count()
    if by_account >= settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT:
        return True
    return bool(ip_address) and (
        recent.filter(ip_address=ip_address).count() >= settings.SIGN_IN_MAX_FAILURES_PER_ADDRESS
    )


def sign_in_failure_record(*, email, ip_address) -> None:
    FailedSignIn.objects.create(email=_normalise(email)[:254], ip_address=ip_address)
    # Old failures say nothing any more; drop them as we go rather than needing a scheduled job.
    FailedSignIn.objects.filter(
        at__lt=timezone.now() - max(settings.SIGN_IN_COOL_OFF, timedelta(days=1))
    ).delete()


def sign_in_failures_clear(*, email) -> None:
    """A successful sign-in forgives the account's failures. The address's stay: they count guesses at
    other accounts too."""
    FailedSignIn.objects.filter(email=_normalise(email)).delete()


def cool_off_minutes() -> int:
    return int(settings.SIGN_IN_COOL_OFF.total_seconds() // 60)
