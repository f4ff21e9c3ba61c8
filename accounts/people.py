"""Appointing people and ending appointments from the portal's people pages (and the back office).

Appointments decide access (schools.access); these services are the one way the portal makes or ends
them, and they bring the person's account along: a new person gets an account they cannot sign in to until
they use their invitation, and a person left with no appointment has every session ended.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts import permissions
from accounts.invitations import invitation_send_if_needed
from accounts.models import User
from accounts.services import sessions_end_all
from schools.access import forget_access
from schools.models import Appointment, School

PEOPLE_MANAGERS = permissions.PEOPLE_MANAGERS


def _check_may_manage(by: User) -> None:
    permissions.require_manage_people(by)


def person_appoint(
    *,
    by: User,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    school: School | None,
    starts_on: date,
) -> Appointment:
    """Appoint a person to a role, making their account if they are new, and invite them if they have
    never set a password."""
    _check_may_manage(by)
    email = User.objects.normalize_email(email.strip()).lower()
    with transaction.atomic():
        person = User.objects.select_for_update().filter(email__iexact=email).first()
        if person is None:
            person = User(email=email, first_name=first_name.strip(), last_name=last_name.strip())
            person.set_unusable_password()
            person.save()
        elif not person.is_active:
            raise ValidationError(
                f"The account for {email} is closed. Reopen it in the back office before appointing them."
            )
        appointment = Appointment(person=person, role=role, school=school, starts_on=starts_on)
        appointment.full_clean()
        if (
            Appointment.objects.current(on=max(starts_on, timezone.localdate()))
            .filter(person=person, role=role, school=school)
            .exists()
        ):
            raise ValidationError(f"{person.display_name} already holds this role.")
        appointment.save()
        invitation_send_if_needed(person=person, by=by)
    forget_access(person)
    return appointment


def appointment_end(*, appointment: Appointment, by: User, reason: str) -> Appointment:
    """End an appointment today: its access stops on the person's next request. Their sessions end and
    they are signed out everywhere; the ending is recorded with who did it and why."""
    _check_may_manage(by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why the appointment ends, like 'Left the trust on 31 March'.")
    if appointment.person_id == by.pk:
        raise ValidationError("You cannot end your own appointment here; ask another of the central team.")
    today = timezone.localdate()
    with transaction.atomic():
        appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
        if not appointment.is_active:
            raise ValidationError("This appointment has already ended.")
        appointment.is_active = False
        appointment.ends_on = max(appointment.starts_on, min(appointment.ends_on or today, today))
        appointment.save(update_fields=["is_active", "ends_on"])
        # Their sessions end too (the record of who ended the appointment and why): someone left with no
        # role is signed out at once, and anyone else signs in again to the access they still have.
        sessions_end_all(person=appointment.person, by=by, reason=f"{appointment}: {reason}")
    forget_access(appointment.person)
    return appointment
