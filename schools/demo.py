"""The demo trust: a fictional trust of twelve schools with people in every role.

Idempotent: running it again updates the same rows. Local use only; the password is in the README.
"""

from datetime import date

from django.contrib.auth import get_user_model

from schools.calendar import academic_year_ensure
from schools.models import Appointment, Phase, School, Trust
from schools.roles import Role

DEMO_PASSWORD = "demo-trust-2026"
DOMAIN = "riverside.example"
FIRST_YEAR = 2024  # three academic years: 2024-25, 2025-26, 2026-27

# (urn, name, phase, pupils, capacity, resourced provision, joined, head, lsb chair)
SCHOOLS = [
    (
        "990101",
        "Ashdown Primary Academy",
        Phase.PRIMARY,
        412,
        420,
        True,
        date(2019, 9, 1),
        "Amara Okafor",
        "Peter Lang",
    ),
    (
        "990102",
        "Brookfield Infant School",
        Phase.PRIMARY,
        176,
        180,
        True,
        date(2020, 4, 1),
        "Ben Hartley",
        "Ruth Cole",
    ),
    (
        "990103",
        "Castle Hill Primary",
        Phase.PRIMARY,
        388,
        420,
        True,
        date(2018, 9, 1),
        "Chloe Dunn",
        "Omar Farouk",
    ),
    (
        "990104",
        "Dene Park Academy",
        Phase.SECONDARY,
        1104,
        1200,
        True,
        date(2017, 1, 1),
        "David Mensah",
        "Helen Price",
    ),
    (
        "990105",
        "Elmstead Primary",
        Phase.PRIMARY,
        203,
        210,
        True,
        date(2021, 9, 1),
        "Erin Walsh",
        "Ian Brooks",
    ),
    (
        "990106",
        "Fairfield Nursery School",
        Phase.NURSERY,
        94,
        100,
        True,
        date(2022, 9, 1),
        "Fiona Grant",
        "Kofi Asante",
    ),
    (
        "990107",
        "Greenway Academy",
        Phase.SECONDARY,
        876,
        1050,
        True,
        date(2019, 1, 1),
        "George Patel",
        "Linda Shaw",
    ),
    (
        "990108",
        "Harbour View School",
        Phase.SPECIAL,
        118,
        120,
        True,
        date(2020, 9, 1),
        "Hannah Reid",
        "Mark Ellis",
    ),
    (
        "990109",
        "Ivy Lane Primary",
        Phase.PRIMARY,
        305,
        315,
        True,
        date(2023, 9, 1),
        "Isaac Moore",
        "Nadia Khan",
    ),
    (
        "990110",
        "Juniper All-Through Academy",
        Phase.ALL_THROUGH,
        1480,
        1600,
        True,
        date(2018, 4, 1),
        "Julia Ross",
        "Owen Hughes",
    ),
    (
        "990111",
        "Kingsmead Primary",
        Phase.PRIMARY,
        398,
        420,
        True,
        date(2024, 9, 1),
        "Kamal Ahmed",
        "Paula Bennett",
    ),
    (
        "990112",
        "Larkrise Learning Centre",
        Phase.ALTERNATIVE_PROVISION,
        48,
        60,
        True,
        date(2021, 1, 1),
        "Laura Fox",
        "Quentin Hale",
    ),
]

# (role, name, email local part)
TRUST_PEOPLE = [
    (Role.CEO, "Morgan Ellery", "ceo"),
    (Role.CFO, "Priya Nair", "cfo"),
    (Role.COO, "Tom Bradley", "coo"),
    (Role.EHT, "Grace Whitfield", "eht"),
    (Role.COMPLIANCE_MANAGER, "Sam Turner", "compliance"),
    (Role.TRUSTEE, "Alan Reeve", "trustee"),
    (Role.TRUSTEE, "Beatrice Olu", "trustee2"),
    (Role.ES_CHAIR, "Catherine Lowe", "es-chair"),
    (Role.FR_CHAIR, "Daniel Shore", "fr-chair"),
    (Role.SIP, "Eleanor Marsh", "sip"),
    (Role.GOVERNANCE_PROFESSIONAL, "Fiona Clarke", "governance"),
]
HEAD_OF_SCHOOL_AT = {"990112"}  # a Head of School, under the trust's Executive Headteacher
MENTORS = [("Rob Kingsley", "mentor", ["990103", "990107"])]


def person_ensure(*, email, name):
    first, _, last = name.partition(" ")
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last}
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def appoint(*, person, role, school=None, starts_on=date(2020, 9, 1)):
    Appointment.objects.get_or_create(
        person=person, role=role, school=school, defaults={"starts_on": starts_on, "is_active": True}
    )


def load(*, stdout=None):
    trust = Trust.objects.get_current()
    trust.name = "Riverside Learning Trust"
    trust.comparator_local_authority = "Essex"
    trust.gias_trust_code = "9999"
    trust.support_email = f"support@{DOMAIN}"
    trust.save()

    for start_year in range(FIRST_YEAR, FIRST_YEAR + 3):
        academic_year_ensure(start_year=start_year)

    for role, name, local in TRUST_PEOPLE:
        appoint(person=person_ensure(email=f"{local}@{DOMAIN}", name=name), role=role)

    for urn, name, phase, pupils, capacity, provision, joined, head, chair in SCHOOLS:
        school, _ = School.objects.update_or_create(
            urn=urn,
            defaults={
                "name": name,
                "phase": phase,
                "local_authority": "Essex",
                "la_code": "881",
                "pupils_on_roll": pupils,
                "capacity": capacity,
                "has_resourced_provision": provision,
                "joined_on": joined,
            },
        )
        slug = name.split()[0].lower().replace("-", "")
        head_role = Role.HEAD_OF_SCHOOL if urn in HEAD_OF_SCHOOL_AT else Role.HEADTEACHER
        appoint(person=person_ensure(email=f"head.{slug}@{DOMAIN}", name=head), role=head_role, school=school)
        appoint(
            person=person_ensure(email=f"lsb.{slug}@{DOMAIN}", name=chair), role=Role.LSB_CHAIR, school=school
        )

    for name, local, urns in MENTORS:
        mentor = person_ensure(email=f"{local}@{DOMAIN}", name=name)
        for school in School.objects.filter(urn__in=urns):
            appoint(person=mentor, role=Role.MENTOR, school=school)

    if stdout:
        stdout.write(
            f"Demo trust: {trust.name}, {School.objects.count()} schools, password '{DEMO_PASSWORD}'."
        )
    return trust
