"""Demo two-factor: every trust-wide demo person gets an authenticator app with one shared, published key.

Two-factor is set up only through an invitation or a reset link, so the demo's trust-wide people would
otherwise need an email each before they could sign in. Local use only: the key is in the README.
"""

from base64 import b32encode

from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.mfa import AUTHENTICATOR_APP
from schools.models import Appointment
from schools.roles import TRUST_WIDE_ROLES

DEMO_TOTP_KEY = b"riverside-demo-2026!"  # 20 bytes, as authenticator apps expect


def demo_totp_secret() -> str:
    """The key as an authenticator app or `oathtool --totp -b` takes it."""
    return b32encode(DEMO_TOTP_KEY).decode()


def load(*, stdout=None):
    people = (
        Appointment.objects.current()
        .filter(role__in=TRUST_WIDE_ROLES, person__email__endswith="@riverside.example")
        .values_list("person", flat=True)
        .distinct()
    )
    made = 0
    for person_id in people:
        if not TOTPDevice.objects.filter(user_id=person_id, confirmed=True).exists():
            TOTPDevice.objects.create(
                user_id=person_id, name=AUTHENTICATOR_APP, confirmed=True, key=DEMO_TOTP_KEY.hex()
            )
            made += 1
    if stdout:
        stdout.write(
            f"Demo two-factor: trust-wide people use the key {demo_totp_secret()} "
            f"(oathtool --totp -b {demo_totp_secret()}); {made} app(s) added."
        )
