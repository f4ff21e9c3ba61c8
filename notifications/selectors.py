"""Reads for hand-off emails: who wants one email a day, and who is in post to be told."""

from schools.models import Appointment
from schools.roles import HEAD_ROLES, Role

from .models import EmailPreference


def digest_people(person_ids) -> set[int]:
    """Of these people, those who chose one email a day. One query."""
    return set(
        EmailPreference.objects.filter(person_id__in=list(person_ids), daily_digest=True).values_list(
            "person_id", flat=True
        )
    )


def wants_digest(person) -> bool:
    return bool(digest_people([person.pk]))


def heads_of(school_id) -> list:
    """The headteacher or head of school in post today (people, active). One query."""
    return [
        appointment.person
        for appointment in Appointment.objects.current()
        .filter(school_id=school_id, role__in=HEAD_ROLES, person__is_active=True)
        .select_related("person")
        .order_by("person_id")
    ]


def ceos() -> list:
    return [
        appointment.person
        for appointment in Appointment.objects.current()
        .filter(role=Role.CEO, person__is_active=True)
        .select_related("person")
        .order_by("person_id")
    ]
