import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from schools.roles import Role
from schools.services import pupil_numbers_record
from tests.factories import person_with_role


def test_the_coo_records_a_schools_pupils_on_roll(world):
    coo = person_with_role(Role.COO, email="coo@trust.example")

    school = pupil_numbers_record(school=world.school_a, pupils_on_roll=412, actor=coo)

    world.school_a.refresh_from_db()
    assert school.pupils_on_roll == world.school_a.pupils_on_roll == 412


@pytest.mark.parametrize("persona", ["compliance_manager", "head_a", "trustee"])
def test_no_one_else_may_record_pupil_numbers(world, persona):
    with pytest.raises(PermissionDenied):
        pupil_numbers_record(school=world.school_a, pupils_on_roll=412, actor=getattr(world, persona))


def test_the_cfo_records_them_with_the_finance_figures(world):
    pupil_numbers_record(school=world.school_a, pupils_on_roll=398, actor=world.cfo)

    world.school_a.refresh_from_db()
    assert world.school_a.pupils_on_roll == 398


def test_pupils_on_roll_cannot_be_negative(world):
    with pytest.raises(ValidationError):
        pupil_numbers_record(school=world.school_a, pupils_on_roll=-1, actor=world.ceo)
