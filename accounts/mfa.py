"""Two-factor authentication: who must use it, and the devices behind it (django-otp's TOTP and static).

A TOTP device is the person's authenticator app; a static device holds their single-use recovery codes.
"""

from base64 import b32encode

import segno
from django.conf import settings
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from schools.access import access_for

AUTHENTICATOR_APP = "Authenticator app"
RECOVERY_CODES = "Recovery codes"


def second_factor_required(user) -> bool:
    """Everyone with a trust-wide role or back-office access must pass a second factor, and so must anyone
    who has set one up (it would protect nothing if it could be skipped)."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or access_for(user).trust_wide or user_has_device(user)


def authenticator_for(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_device_for(user) -> StaticDevice | None:
    return StaticDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_authenticator_for(user) -> TOTPDevice:
    """The not-yet-confirmed authenticator a person is setting up (the same key until they confirm it)."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_APP, confirmed=False)


def setup_key_text(device: TOTPDevice) -> str:
    """The secret as an app asks for it when typed in by hand: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def setup_qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (no image request, nothing outside the portal)."""
    qr = segno.make(device.config_url, error="m")
    return qr.svg_inline(scale=4, border=2, title="QR code for your authenticator app", svgclass="qr")


def issuer() -> str:
    return settings.OTP_TOTP_ISSUER


# Set in a session by a used invitation or password-reset link: the only way a person who must use a
# second factor may set one up for the first time (a password alone must never be enough to enrol a new
# app, or whoever guessed the password would own the account).
ENROLMENT_ALLOWED = "portal_second_factor_enrolment_allowed"


def enrolment_allow(request, user) -> None:
    request.session[ENROLMENT_ALLOWED] = user.pk


def enrolment_allowed(request, user) -> bool:
    """Whether this session may set up a first authenticator app for this person."""
    if request.session.get(ENROLMENT_ALLOWED) == user.pk:
        return True
    # Someone who does not have to use a second factor (a head, an LSB chair) is fully signed in with their
    # password; setting one up only adds protection.
    return not second_factor_required(user)
