"""The peer review as its people walk it through the pages: real forms, refusals in the error summary
with what was typed kept, one service call each."""

from datetime import date

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from peer_reviews.models import PeerReview, ReviewLetterPdf, ReviewStatus
from schools.roles import Role
from tests.factories import person_with_role
from tests.peer_reviews import scenario
from trust_portal.pdf_records import RenderStatus

TODAY = date(2026, 3, 10)


@time_machine.travel(TODAY)
def test_a_review_goes_from_plan_to_whole_staff_session_through_its_pages(world, client_as):
    eht = person_with_role(Role.EHT, email="eht@trust.example", last_name="Exec-Head")
    ceo = client_as(world.ceo)
    response = ceo.post(
        reverse("peer_reviews:plan", args=[world.school_a.urn]),
        {
            "review_on": "2026-03-10",
            "reviewers": [eht.pk, world.head_b.pk],
            "internal_checkers": [world.cfo.pk],
        },
    )
    review = PeerReview.objects.get(school=world.school_a)
    assert response.status_code == 302
    assert review.members.count() == 5
    url = lambda name: reverse(f"peer_reviews:{name}", args=[review.pk])  # noqa: E731
    head = client_as(world.head_a)
    head.post(
        url("focus"), {"focus_area": "Reading", "questions": "Is phonics consistent?\n\nDo books match?"}
    )
    assert review.questions.count() == 2
    ceo = client_as(world.ceo)
    ceo.post(url("question_add"), {"text": "How is fluency assessed?"})
    ceo.post(url("timetable"), {"timetable": "9:00 Lessons", "agreed_with_school_lead": "on"})
    client_as(eht).post(url("day"), {"notes": "Saw lessons", "internal_checks": ""})
    ceo = client_as(world.ceo)
    questions = list(review.questions.all())
    findings = {f"strengths_{q.pk}": f"Strong {q.pk}" for q in questions}
    findings |= {f"future_{q.pk}": f"Explore {q.pk}" for q in questions}
    assert ceo.post(url("findings"), findings).status_code == 302
    assert ceo.post(url("letter_issue"), {"results_as_expected": "no"}).status_code == 302
    assert ReviewLetterPdf.objects.get(review=review).status == RenderStatus.PENDING
    client_as(world.head_a).post(url("staff_session"), {"held_on": "2026-03-10", "facilitators": "A and B"})
    review.refresh_from_db()
    assert (review.status, review.results_as_expected, review.facilitators) == (
        ReviewStatus.COMPLETED,
        False,
        "A and B",
    )
    page = client_as(world.head_b).get(url("detail")).content.decode()
    assert "Strong" in page and "A and B" in page


def test_a_refused_step_shows_in_the_error_summary_with_what_was_typed_kept(world, client_as):
    review = scenario.focus_sent(world)
    client = client_as(world.ceo)
    response = client.post(
        reverse("peer_reviews:timetable", args=[review.pk]), {"timetable": "09:00 My draft timetable"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Agree the timetable with the school lead before circulating it." in page
    assert "09:00 My draft timetable" in page


def test_an_empty_focus_form_names_each_missing_field(world, client_as):
    review = scenario.planned(world)
    response = client_as(world.head_a).post(reverse("peer_reviews:focus", args=[review.pk]), {})
    page = response.content.decode()
    assert "Enter the area to focus on." in page
    assert "Enter the key questions." in page
    assert 'href="#id_focus_area"' in page


def test_issuing_the_letter_before_the_findings_is_refused_in_the_summary(world, client_as):
    review = scenario.held(world)
    response = client_as(world.ceo).post(
        reverse("peer_reviews:letter_issue", args=[review.pk]), {"results_as_expected": "yes"}
    )
    assert "Write the strengths and the possible areas for future focus" in response.content.decode()
    review.refresh_from_db()
    assert review.status == ReviewStatus.HELD


def test_the_review_page_runs_the_same_queries_for_a_small_group_and_a_full_one(world, client_as):
    small = scenario.completed(world)
    heads = [person_with_role(Role.HEADTEACHER, school) for school in scenario.other_schools(6)]
    full = scenario.completed(world, reviewers=heads, internal_checkers=[world.cfo])
    client = client_as(world.ceo)
    client.get(reverse("peer_reviews:detail", args=[small.pk]))  # the session's first request reads more
    counts = []
    for review in (small, full):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("peer_reviews:detail", args=[review.pk])).status_code == 200
        counts.append(len(captured))
    print("peer review page queries (2 members, 9 members):", counts)
    assert counts[0] == counts[1]
