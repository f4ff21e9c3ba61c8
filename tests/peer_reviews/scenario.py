"""School A's peer review at each of its steps, made through the services as the people would. The group
is the CEO and school A's head (the school lead); anyone else is outside it unless a test adds them."""

import itertools

from django.utils import timezone

from peer_reviews import services
from peer_reviews.document import letter_pdf_render
from tests.factories import SchoolFactory

QUESTIONS = ["How well is early reading taught in Year 1?", "How do leaders check the phonics programme?"]


def planned(world, *, reviewers=(), internal_checkers=(), review_on=None):
    return services.review_plan(
        school=world.school_a,
        review_on=review_on or timezone.localdate(),
        reviewers=list(reviewers),
        internal_checkers=list(internal_checkers),
        by=world.ceo,
    )


def focus_sent(world, **kwargs):
    review = planned(world, **kwargs)
    return services.review_focus_send(
        review=review, focus_area="Early reading in Key Stage 1.", questions=QUESTIONS, by=world.head_a
    )


def timetable_agreed(world, **kwargs):
    review = focus_sent(world, **kwargs)
    return services.review_timetable_agree(
        review=review, timetable="09:00 Lessons\n15:00 Feedback", agreed_with_school_lead=True, by=world.ceo
    )


def held(world, **kwargs):
    review = timetable_agreed(world, **kwargs)
    return services.review_day_record(
        review=review, notes="Saw six phonics lessons; Year 1 pupil voice.", by=world.ceo
    )


def findings_written(world, **kwargs):
    review = held(world, **kwargs)
    findings = {
        q.pk: (f"Strength for question {n}: CONFIDENTIAL-STRENGTH", f"Future focus {n}: CONFIDENTIAL-FOCUS")
        for n, q in enumerate(review.questions.all(), start=1)
    }
    return services.review_findings_record(review=review, findings=findings, by=world.ceo)


def letter_issued(world, *, as_expected=True, render=True, **kwargs):
    review = findings_written(world, **kwargs)
    pdf = services.review_letter_issue(review=review, results_as_expected=as_expected, by=world.ceo)
    if render:
        letter_pdf_render(pdf_id=pdf.pk)
    review.refresh_from_db()
    return review


def completed(world, **kwargs):
    review = letter_issued(world, **kwargs)
    return services.review_staff_session_record(
        review=review, held_on=timezone.localdate(), facilitators="Two Action Plan Facilitators", by=world.ceo
    )


_urns = itertools.count(1)


def other_schools(count):
    """More schools, with URNs clear of the world's (the factory's sequence can reach 100001 and 100002)."""
    return [SchoolFactory(urn=f"{300000 + next(_urns)}") for _ in range(count)]
