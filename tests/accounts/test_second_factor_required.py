"""Trust-wide roles and the back office cannot reach anything until they pass a second factor."""

import pytest
from django.urls import reverse

from accounts.middleware import SECOND_FACTOR_PAGES
from tests.access import Rule
from tests.personas import TRUST_PERSONAS
from tests.test_access_matrix import RULES

GUARDED = [rule for rule in RULES if rule.name not in SECOND_FACTOR_PAGES]


@pytest.mark.parametrize(
    ("rule", "persona"),
    [(rule, persona) for rule in GUARDED for persona in TRUST_PERSONAS],
    ids=[f"{rule.name}-{rule.method}-{persona}" for rule in GUARDED for persona in TRUST_PERSONAS],
)
def test_a_trust_wide_role_cannot_reach_any_page_without_a_second_factor(rule: Rule, persona, world, client):
    client.force_login(getattr(world, persona))  # the password alone
    url = reverse(rule.name, kwargs=rule.kwargs(world))
    send = getattr(client, rule.method)
    response = send(url, rule.data(world)) if rule.method == "post" else send(url)
    assert response.status_code == 302, url
    assert response["Location"].startswith(reverse("accounts:mfa_setup")), url


def test_the_back_office_needs_a_second_factor(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:mfa_setup"))


def test_a_head_is_offered_a_second_factor_but_not_made_to_use_one(world, client_as):
    client = client_as(world.head_a)
    assert client.get(reverse("schools:detail", kwargs={"urn": world.school_a.urn})).status_code == 200
    assert "Set up two-factor authentication" in client.get(reverse("accounts:mfa_setup")).content.decode()
