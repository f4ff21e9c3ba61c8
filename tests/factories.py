"""Factories for the foundation's models. Each app's tests keep their own factories beside them."""

from datetime import date

import factory
from django.contrib.auth import get_user_model

from schools.models import Appointment, Phase, School
from schools.roles import Role

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@trust.example")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    urn = factory.Sequence(lambda n: f"{100000 + n:06d}")
    name = factory.Sequence(lambda n: f"School {n} Academy")
    phase = Phase.PRIMARY
    local_authority = "Essex"
    la_code = "881"
    pupils_on_roll = 300
    capacity = 315
    has_resourced_provision = True
    joined_on = date(2020, 9, 1)


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appointment

    person = factory.SubFactory(UserFactory)
    role = Role.HEADTEACHER
    school = factory.SubFactory(SchoolFactory)
    starts_on = date(2020, 9, 1)


def person_with_role(role, school=None, **person_fields):
    """A person holding one appointment (trust-wide when `school` is None)."""
    person = UserFactory(**person_fields)
    AppointmentFactory(person=person, role=role, school=school)
    return person
