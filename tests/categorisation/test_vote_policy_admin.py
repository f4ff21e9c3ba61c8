from django.urls import reverse

from categorisation.models import VotePolicy
from schools.models import Trust


def test_the_vote_policy_is_edited_in_the_back_office(admin_client, world):
    assert VotePolicy.objects.for_trust().pk is None  # the defaults, until the CEO saves the policy
    policy = VotePolicy.objects.create(trust=Trust.objects.get_current())
    url = reverse("admin:categorisation_votepolicy_change", args=[policy.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {
        "trust": policy.trust_id, "days_open": 10, "quorum_percent": 66, "carried_percent": 50,
        "minimum_votes": 3,
    })  # fmt: skip
    assert response.status_code == 302
    policy.refresh_from_db()
    assert (policy.days_open, policy.quorum_percent, policy.minimum_votes) == (10, 66, 3)
    bad = admin_client.post(url, {"trust": policy.trust_id, "days_open": 10, "quorum_percent": 66,
                                  "carried_percent": 40, "minimum_votes": 1})  # fmt: skip
    assert bad.status_code == 200 and VotePolicy.objects.get().carried_percent == 50
