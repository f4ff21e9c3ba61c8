"""Due and overdue peer reviews on the schedule and the to-do pages: each step shows for the person it
waits on, in a fixed number of queries, and says nothing of the findings."""

from datetime import date, timedelta

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from peer_reviews import services
from peer_reviews.models import PeerReview, ReviewStatus
from peer_reviews.selectors import peer_review_schedule, todo_items
from schools.access import access_for
from schools.models import School
from tests.peer_reviews import scenario

TODAY = date(2026, 3, 10)


def _items(person):
    return todo_items(person, access_for(person), today=TODAY)


def _titles(person):
    return [item.title for item in _items(person) if item.group == "Peer reviews"]


@time_machine.travel(TODAY)
def test_the_school_lead_is_asked_for_the_focus_the_week_before(world):
    review = scenario.planned(world, review_on=TODAY + timedelta(days=5))
    [item] = _items(world.head_a)
    assert item.title.endswith("send the focus and key questions")
    assert item.due_on == TODAY - timedelta(days=2)
    assert item.overdue
    assert item.href == reverse("peer_reviews:detail", args=[review.pk])
    assert _titles(world.head_b) == []
    assert _titles(world.trustee) == []


@time_machine.travel(TODAY)
def test_each_step_shows_for_the_person_it_waits_on(world):
    review = scenario.focus_sent(world, reviewers=[world.head_b], review_on=TODAY)
    assert any(t.endswith("agree the timetable with the school lead") for t in _titles(world.ceo))
    assert _titles(world.head_a) == []
    services.review_timetable_agree(
        review=review, timetable="9:00", agreed_with_school_lead=True, by=world.ceo
    )
    assert [t.split(": ", 1)[1] for t in _titles(world.head_b)] == [
        "read the timetable; keep the day's notes"
    ]
    services.review_day_record(review=review, notes="Notes", by=world.head_b)
    assert any(t.endswith("write and issue the findings letter") for t in _titles(world.ceo))
    assert _titles(world.head_b) == []


@time_machine.travel(TODAY)
def test_the_ceo_is_told_how_many_schools_are_due_or_overdue_a_review(world):
    PeerReview.objects.create(
        school=world.school_b, review_on=date(2025, 2, 1), planned_by=world.ceo, status=ReviewStatus.COMPLETED
    )
    titles = _titles(world.ceo)
    assert "Plan peer reviews: 2 schools due (1 overdue)" in titles
    assert _titles(world.cfo) == []


@time_machine.travel(TODAY)
def test_the_schedule_shows_overdue_due_planned_and_up_to_date(world):
    fresh, planned = scenario.other_schools(2)
    PeerReview.objects.create(
        school=world.school_b, review_on=date(2025, 2, 1), planned_by=world.ceo, status=ReviewStatus.COMPLETED
    )
    PeerReview.objects.create(
        school=fresh, review_on=date(2025, 10, 1), planned_by=world.ceo, status=ReviewStatus.COMPLETED
    )
    PeerReview.objects.create(school=planned, review_on=date(2026, 5, 1), planned_by=world.ceo)
    rows = {row.school: row for row in peer_review_schedule(schools=School.objects.all(), today=TODAY)}
    assert (rows[world.school_a].state, rows[world.school_a].next_due_on) == ("due", date(2026, 8, 31))
    assert (rows[world.school_b].state, rows[world.school_b].next_due_on) == ("overdue", date(2026, 2, 1))
    assert (rows[fresh].state, rows[fresh].next_due_on) == ("ok", date(2026, 10, 1))
    assert (rows[planned].state, rows[planned].planned_on) == ("planned", date(2026, 5, 1))


def test_the_to_do_items_run_the_same_queries_for_two_schools_and_forty(world):
    counts = []
    with time_machine.travel(TODAY):
        scenario.focus_sent(world, reviewers=[world.head_b])
        for extra in (0, 38):
            for school in scenario.other_schools(extra):
                PeerReview.objects.create(school=school, review_on=TODAY, planned_by=world.ceo)
            for person in (world.ceo, world.head_a, world.head_b):
                access = access_for(person)
                with CaptureQueriesContext(connection) as captured:
                    todo_items(person, access, today=TODAY)
                counts.append(len(captured))
    print("peer review to-do queries (ceo, head A, head B) at 2 and 40 schools:", counts)
    assert counts[:3] == counts[3:]
    assert max(counts) <= 3
