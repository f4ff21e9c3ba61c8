from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.mfa import RECOVERY_CODES, authenticator_for
from accounts.models import AccessRecord, SessionsEnded, SignedInSession, User

VIEWED = "viewed"
DOWNLOADED = "downloaded"
RECOVERY_CODES_COUNT = 10


def access_record_create(*, request, obj, action: str = VIEWED, school=None, what: str = "") -> AccessRecord:
    """Record that the signed-in person opened or downloaded a restricted thing."""
    return AccessRecord.objects.create(
        person=request.user,
        action=action,
        what=(what or str(obj))[:200],
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        school=school,
        ip_address=request.META.get("REMOTE_ADDR") or None,
    )


def authenticator_confirm(*, person: User, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the authenticator app a person is setting up with a code it shows, and give them a fresh set
    of recovery codes (returned once, to be shown once)."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=person)
        if device.confirmed:
            raise ValidationError("This authenticator app is already set up.")
        if not device.verify_token(code):
            raise ValidationError(
                "That code is not right. Check the app shows the code for this portal and enter the code "
                "it shows now (it changes every 30 seconds)."
            )
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # Any other half-finished or older authenticator stops working: one app per person.
        TOTPDevice.objects.filter(user=person).exclude(pk=device.pk).delete()
        return _recovery_codes_replace(person)


def recovery_codes_replace(*, person: User) -> list[str]:
    """New recovery codes for a person who has an authenticator app; the old codes stop working."""
    with transaction.atomic():
        User.objects.select_for_update().get(pk=person.pk)
        if authenticator_for(person) is None:
            raise ValidationError("Set up an authenticator app first; recovery codes back it up.")
        return _recovery_codes_replace(person)


def _recovery_codes_replace(person):
    StaticDevice.objects.filter(user=person).delete()
    device = StaticDevice.objects.create(user=person, name=RECOVERY_CODES, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def sessions_end_all(*, person: User, by: User, reason: str, close_account: bool = False) -> SessionsEnded:
    """End every open session of a person (e.g. one who has left), at once, and record who did it and why.

    With `close_account` they cannot sign in again until an administrator reopens the account.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why you are ending their sessions, like 'Left the trust on 31 March'.")
    if person.pk == by.pk:
        raise ValidationError("You cannot end your own sessions here: use Sign out instead.")
    with transaction.atomic():
        person = User.objects.select_for_update().get(pk=person.pk)
        keys = list(SignedInSession.objects.filter(person=person).values_list("session_key", flat=True))
        Session.objects.filter(session_key__in=keys).delete()
        SignedInSession.objects.filter(person=person).delete()
        if close_account and person.is_active:
            person.is_active = False
            person.save(update_fields=["is_active"])
        return SessionsEnded.objects.create(
            person=person,
            ended_by=by,
            reason=reason[:200],
            sessions_count=len(keys),
            account_closed=close_account,
        )


def sessions_end_others(*, person: User, keep_session_key: str | None) -> int:
    """End every session of a person except the one they are using (after they reset or change their
    password: whoever knew the old one is signed out)."""
    with transaction.atomic():
        keys = list(
            SignedInSession.objects.filter(person=person)
            .exclude(session_key=keep_session_key or "")
            .values_list("session_key", flat=True)
        )
        Session.objects.filter(session_key__in=keys).delete()
        SignedInSession.objects.filter(session_key__in=keys).delete()
    return len(keys)
