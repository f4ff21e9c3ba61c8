"""The lists run a fixed number of queries however many actions and schools there are."""

import pytest
from django.urls import reverse

from schools.roles import Role
from tests.audits.factories import action_at
from tests.factories import SchoolFactory, person_with_role


@pytest.mark.parametrize(
    "name",
    ["audits:actions", "audits:grid", "audits:schedule", "audits:actions_export"],
)
def test_trust_wide_lists_do_not_grow_with_the_number_of_actions(
    world, client_as, name, django_assert_max_num_queries
):
    client = client_as(world.compliance_manager)
    action_at(world.school_a, owner=world.head_a)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse(name))
    for n in range(6):
        school = SchoolFactory(urn=f"2000{n:02d}")
        action_at(school, owner=person_with_role(Role.HEADTEACHER, school))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse(name)).status_code == 200


def test_a_schools_action_list_does_not_grow_with_its_actions(
    world, client_as, django_assert_max_num_queries
):
    client = client_as(world.head_a)
    url = reverse("audits:school_actions", kwargs={"urn": world.school_a.urn})
    action_at(world.school_a, owner=world.head_a)
    with django_assert_max_num_queries(25) as few:
        client.get(url)
    for _ in range(8):
        action_at(world.school_a, owner=world.head_a)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
