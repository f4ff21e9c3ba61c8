import io

import pytest
from django.core.management import call_command

from schools.calendar import academic_year_ensure
from schools.models import Appointment, HalfTerm, School
from schools.roles import SCHOOL_ROLES, Role


@pytest.mark.django_db
def test_an_academic_year_has_six_half_terms_labelled_as_the_trust_writes_them():
    year = academic_year_ensure(start_year=2025)
    terms = list(year.half_terms.all())
    assert year.name == "2025-26"
    assert [t.label for t in terms] == [
        "Aut 1, 2025",
        "Aut 2, 2025",
        "Spr 1, 2026",
        "Spr 2, 2026",
        "Sum 1, 2026",
        "Sum 2, 2026",
    ]
    assert terms[1].letter_label == "Aut 2, 25"
    assert terms[2].previous() == terms[1] and terms[1].next() == terms[2]


@pytest.mark.django_db
def test_load_demo_makes_a_trust_with_every_role_and_is_idempotent():
    call_command("load_demo", stdout=io.StringIO())
    counts = (School.objects.count(), Appointment.objects.count(), HalfTerm.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert counts == (School.objects.count(), Appointment.objects.count(), HalfTerm.objects.count())
    assert counts[0] == 12 and counts[2] == 18
    held = set(Appointment.objects.values_list("role", flat=True))
    assert held == set(Role)
    assert all(a.school_id for a in Appointment.objects.filter(role__in=SCHOOL_ROLES))


@pytest.mark.django_db
def test_load_demo_gives_trust_wide_people_an_authenticator_with_the_published_key():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.demo import demo_totp_secret

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    devices = TOTPDevice.objects.filter(confirmed=True)
    assert set(devices.values_list("user__email", flat=True)) >= {
        "ceo@riverside.example",
        "sip@riverside.example",
    }
    assert not devices.filter(user__email__startswith="head.").exists()
    assert demo_totp_secret() == "OJUXMZLSONUWIZJNMRSW23ZNGIYDENRB"  # as the README says
    assert demo_totp_secret() in out.getvalue()
