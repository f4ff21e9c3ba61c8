"""A peer review is confidential by rule: its pages, notes and letter are for the review group and the
school's head only. Everyone else gets 404 as if it did not exist; every view and download is recorded."""

import pytest
from django.urls import reverse

from accounts.models import AccessRecord
from accounts.services import DOWNLOADED, VIEWED
from audits.models import AuditType
from peer_reviews.models import PeerReview
from schools.roles import Role
from tests.factories import person_with_role
from tests.peer_reviews import scenario

REVIEW_PAGES = [
    "detail",
    "group",
    "focus",
    "question_add",
    "timetable",
    "day",
    "findings",
    "letter_issue",
    "letter_document",
    "letter_pdf",
    "staff_session",
]


@pytest.fixture
def review(world):
    return scenario.completed(world)


@pytest.mark.parametrize("persona", ["trustee", "lsb_chair_a", "head_b", "cfo", "compliance_manager"])
def test_people_outside_the_group_get_404_on_every_page_of_the_review_and_its_pdf(
    world, review, client_as, persona
):
    client = client_as(getattr(world, persona))
    for page in REVIEW_PAGES:
        url = reverse(f"peer_reviews:{page}", args=[review.pk])
        assert client.get(url).status_code == 404, f"{persona} {page}"
        assert client.post(url, {}).status_code == 404, f"{persona} POST {page}"
    assert AccessRecord.objects.count() == 0


def test_the_group_and_the_schools_head_read_the_review_and_its_letter(world, client_as):
    eht = person_with_role(Role.EHT, email="eht@trust.example")
    review = scenario.completed(world, reviewers=[eht, world.head_b], internal_checkers=[world.cfo])
    for person in (world.ceo, world.head_a, world.head_b, eht, world.cfo):
        client = client_as(person)
        for page in ("detail", "letter_document", "letter_pdf"):
            response = client.get(reverse(f"peer_reviews:{page}", args=[review.pk]))
            assert response.status_code == 200, f"{person} {page}"


def test_a_head_outside_the_group_does_not_see_the_review_listed(world, review, client_as):
    assert review not in PeerReview.objects.visible_to(world.head_b)
    assert review not in PeerReview.objects.visible_to(world.trustee)
    response = client_as(world.trustee).get(reverse("peer_reviews:mine"))
    assert response.status_code == 200
    assert world.school_a.name not in response.content.decode()


def test_the_schedule_shows_dates_and_states_never_the_findings(world, review, client_as):
    page = client_as(world.cfo).get(reverse("peer_reviews:schedule")).content.decode()
    assert world.school_a.name in page
    assert "CONFIDENTIAL" not in page
    assert "Early reading" not in page


def test_every_view_and_download_of_the_review_is_recorded(world, review, client_as):
    client = client_as(world.head_a)
    client.get(reverse("peer_reviews:detail", args=[review.pk]))
    client.get(reverse("peer_reviews:letter_document", args=[review.pk]))
    client.get(reverse("peer_reviews:letter_pdf", args=[review.pk]))
    records = list(AccessRecord.objects.filter(person=world.head_a).order_by("at", "pk"))
    assert [r.action for r in records] == [VIEWED, VIEWED, DOWNLOADED]
    assert {r.object_type for r in records} == {"peer_reviews.peerreview"}
    assert {r.object_id for r in records} == {str(review.pk)}
    assert all(r.school == world.school_a for r in records)
    assert records[2].what.endswith("(letter PDF)")


def test_the_peer_review_audit_type_is_off_the_audit_schedule_trustees_read(db):
    assert not AuditType.objects.get(name="Peer review").is_active


def test_only_people_who_may_sit_on_a_group_get_the_peer_reviews_link(world, client_as):
    link = f'href="{reverse("peer_reviews:mine")}"'
    for person, shown in (
        (world.head_a, True),
        (world.ceo, True),
        (world.trustee, False),
        (world.lsb_chair_a, False),
    ):
        page = client_as(person).get(reverse("todo:list")).content.decode()
        assert (link in page) is shown, person
