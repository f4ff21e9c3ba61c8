"""The shared personas every view is tested with, and how a test signs one in."""

from types import SimpleNamespace

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.mfa import AUTHENTICATOR_APP, second_factor_required
from schools.access import forget_access
from schools.calendar import academic_year_ensure
from schools.roles import Role
from tests.factories import SchoolFactory, person_with_role

PERSONAS = [
    "anonymous",
    "ceo",
    "cfo",
    "compliance_manager",
    "head_a",
    "lsb_chair_a",
    "head_b",
    "trustee",
    "governance_professional",
]
TRUST_PERSONAS = ["ceo", "cfo", "compliance_manager", "trustee", "governance_professional"]


def build_world():
    """School A and school B, and one person per persona. Also the 2025-26 and 2026-27 calendars."""
    school_a = SchoolFactory(name="Ashdown Primary Academy", urn="100001")
    school_b = SchoolFactory(name="Brookfield Primary", urn="100002")
    for start_year in (2025, 2026):
        academic_year_ensure(start_year=start_year)
    return SimpleNamespace(
        school_a=school_a,
        school_b=school_b,
        anonymous=None,
        ceo=person_with_role(Role.CEO, email="ceo@trust.example", first_name="Chris", last_name="Exec"),
        cfo=person_with_role(Role.CFO, email="cfo@trust.example"),
        compliance_manager=person_with_role(Role.COMPLIANCE_MANAGER, email="compliance@trust.example"),
        head_a=person_with_role(Role.HEADTEACHER, school_a, email="head.a@trust.example"),
        lsb_chair_a=person_with_role(Role.LSB_CHAIR, school_a, email="lsb.a@trust.example"),
        head_b=person_with_role(Role.HEADTEACHER, school_b, email="head.b@trust.example"),
        trustee=person_with_role(Role.TRUSTEE, email="trustee@trust.example"),
        governance_professional=person_with_role(
            Role.GOVERNANCE_PROFESSIONAL, email="governance@trust.example"
        ),
    )


def sign_in(client, user):
    """Sign a persona in on a test client, as fully as the portal requires for their role: people who must
    use a second factor get an authenticator app and a session that has passed it."""
    if user is None:
        return client
    client.force_login(user)
    if second_factor_required(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
            user=user, name=AUTHENTICATOR_APP, confirmed=True
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    # The check above read the person's roles; a test may change them next.
    forget_access(user)
    return client
