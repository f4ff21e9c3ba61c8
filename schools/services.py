"""Changes to schools that are not read from GIAS."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from schools.access import access_for
from schools.models import School
from schools.roles import Role

# The central team keeps the trust's census figures; the COO runs operations, the CEO the trust.
PUPIL_NUMBER_EDITORS = (Role.CEO, Role.COO)


@transaction.atomic
def pupil_numbers_record(*, school: School, pupils_on_roll: int, actor) -> School:
    """Record how many pupils a school has on roll (shown on its letter beside its capacity)."""
    if not access_for(actor).has_trust_role(*PUPIL_NUMBER_EDITORS):
        raise PermissionDenied("Only the CEO or the COO may record pupil numbers.")
    if pupils_on_roll < 0:
        raise ValidationError({"pupils_on_roll": "Pupils on roll cannot be negative."})
    school = School.objects.select_for_update().get(pk=school.pk)
    school.pupils_on_roll = pupils_on_roll
    school.save(update_fields=["pupils_on_roll"])
    return school
