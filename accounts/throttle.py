"""Refusing repeated password guessing without letting an attacker lock the trust out.

Two counters, both in the database so every web process shares them, and both taken *before* the
password is checked, by one conditional UPDATE each, so concurrent guesses cannot get past them:

- per account and address pair: `SIGN_IN_MAX_FAILURES_PER_PAIR` wrong passwords lock that pair only, for
  `SIGN_IN_COOL_OFF`. Someone guessing from elsewhere does not lock the real person out, and a school's
  shared connection is not locked for everyone behind it.
- per account, from anywhere: after `SIGN_IN_ACCOUNT_FREE_FAILURES`, each further try must wait a delay that
  doubles from one second up to `SIGN_IN_ACCOUNT_MAX_DELAY`: guessing becomes slow, signing in stays possible.

A successful sign-in forgives the account and that pair. Failures are forgotten after a day without one.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Case, DateTimeField, F, Q, Value, When
from django.utils import timezone

from accounts.models import FailedSignIn, SignInCounter

FORGET_AFTER = timedelta(days=1)


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


def _pair_key(email, ip_address) -> str:
    return f"pair:{_normalise(email)[:254]} {ip_address or '-'}"


def _account_key(email) -> str:
    return f"account:{_normalise(email)[:254]}"


def _counter(key: str, now: datetime):
    counter, _ = SignInCounter.objects.get_or_create(key=key)
    rows = SignInCounter.objects.filter(key=key)
    rows.filter(last_failure_at__lt=now - FORGET_AFTER).update(failures=0, blocked_until=None)
    return rows


def _account_delay(now: datetime) -> Case:
    """The account's next try is allowed at: any time (None) while under the free failures, then after 1 s,
    2 s, 4 s ... up to the maximum. `failures` is the count before this try."""
    free = settings.SIGN_IN_ACCOUNT_FREE_FAILURES
    most = settings.SIGN_IN_ACCOUNT_MAX_DELAY
    steps, seconds = [], 1
    while seconds < most.total_seconds():
        steps.append(When(failures=free + len(steps), then=Value(now + timedelta(seconds=seconds))))
        seconds *= 2
    return Case(
        When(failures__lt=free, then=Value(None)),
        *steps,
        default=Value(now + most),
        output_field=DateTimeField(),
    )


def sign_in_attempt_take(*, email, ip_address) -> bool:
    """Count this try as a failure before the password is checked; False (check nothing) if refused.

    The pair's count only goes up while under the limit, and the account's only once its delay has
    passed, each in one UPDATE, so 40 concurrent guesses lead to at most the limit of password checks.
    """
    now = timezone.now()
    limit = settings.SIGN_IN_MAX_FAILURES_PER_PAIR
    pair = _counter(_pair_key(email, ip_address), now)
    pair.filter(blocked_until__lte=now).update(failures=0, blocked_until=None)
    took_pair = pair.filter(failures__lt=limit, blocked_until__isnull=True).update(
        failures=F("failures") + 1,
        last_failure_at=now,
        blocked_until=Case(
            When(failures=limit - 1, then=Value(now + settings.SIGN_IN_COOL_OFF)),
            default=Value(None),
            output_field=DateTimeField(),
        ),
    )
    if not took_pair:
        return False
    account = _counter(_account_key(email), now)
    took_account = account.filter(Q(blocked_until__isnull=True) | Q(blocked_until__lte=now)).update(
        failures=F("failures") + 1, last_failure_at=now, blocked_until=_account_delay(now)
    )
    if not took_account:
        pair.filter(failures__gt=0).update(failures=F("failures") - 1)
        return False
    return True


def sign_in_wait(*, email, ip_address) -> timedelta:
    """How long this account, from this address, must wait before its next try (zero: it may try now)."""
    now = timezone.now()
    limit = settings.SIGN_IN_MAX_FAILURES_PER_PAIR
    waits = [timedelta(0)]
    for counter in SignInCounter.objects.filter(
        key__in=[_pair_key(email, ip_address), _account_key(email)], blocked_until__gt=now
    ):
        if counter.key.startswith("account:") or counter.failures >= limit:
            waits.append(counter.blocked_until - now)
    return max(waits)


def sign_in_locked(*, email, ip_address) -> bool:
    """True while this pair is locked or the account's delay has not passed."""
    return sign_in_wait(email=email, ip_address=ip_address) > timedelta(0)


def sign_in_failure_record(*, email, ip_address) -> None:
    """A record of the failure for the people pages and investigations (the counters are taken before the
    password check, in `sign_in_attempt_take`)."""
    FailedSignIn.objects.create(email=_normalise(email)[:254], ip_address=ip_address)
    FailedSignIn.objects.filter(at__lt=timezone.now() - FORGET_AFTER).delete()


def sign_in_failures_clear(*, email, ip_address=None) -> None:
    """A successful sign-in forgives the account and, if given, the pair it came from."""
    FailedSignIn.objects.filter(email=_normalise(email)).delete()
    keys = [_account_key(email)]
    if ip_address is not None:
        keys.append(_pair_key(email, ip_address))
    SignInCounter.objects.filter(key__in=keys).delete()


def cool_off_minutes() -> int:
    """How long a pair is locked after too many wrong passwords."""
    return int(settings.SIGN_IN_COOL_OFF.total_seconds() // 60)


def wait_in_words(wait: timedelta) -> str:
    seconds = max(1, int(wait.total_seconds() + 0.999))
    if seconds < 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = (seconds + 59) // 60
    return f"{minutes} minutes"
