import pytest
from django.urls import reverse

from schools.access import access_for, forget_access
from schools.models import Appointment, School


@pytest.mark.django_db
def test_a_head_sees_only_their_own_school(world):
    assert list(School.objects.visible_to(world.head_a)) == [world.school_a]
    assert list(School.objects.visible_to(world.lsb_chair_a)) == [world.school_a]


@pytest.mark.django_db
def test_trust_wide_roles_see_every_school(world):
    for person in (world.ceo, world.cfo, world.compliance_manager, world.trustee):
        assert School.objects.visible_to(person).count() == 2


@pytest.mark.django_db
def test_a_deactivated_appointment_loses_access_on_the_next_request(world, client_as):
    client = client_as(world.head_a)
    url = reverse("schools:detail", args=[world.school_a.urn])
    assert client.get(url).status_code == 200
    Appointment.objects.filter(person=world.head_a).update(is_active=False)
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_an_appointment_that_has_ended_gives_no_access(world):
    import datetime

    Appointment.objects.filter(person=world.head_a).update(ends_on=datetime.date(2021, 7, 31))
    forget_access(world.head_a)
    assert not access_for(world.head_a).roles
    assert not School.objects.visible_to(world.head_a).exists()


@pytest.mark.django_db
def test_roles_are_read_once_per_request(world, django_assert_num_queries):
    forget_access(world.head_a)
    with django_assert_num_queries(1):
        access_for(world.head_a)
        access_for(world.head_a)
