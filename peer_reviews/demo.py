"""Demo peer reviews: one completed at Ashdown Primary Academy, with its frozen letter, and one upcoming
at Castle Hill Primary with its focus sent. Made through the services, as the people would; safe to run
again (a school that already has a review is left alone)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from schools.demo import DOMAIN
from schools.models import School

from . import services
from .document import letter_pdf_render
from .models import PeerReview


def _person(local):
    return get_user_model().objects.filter(email=f"{local}@{DOMAIN}").first()


def _school(word):
    return School.objects.filter(name__startswith=word).first()


def _completed(*, school, ceo, reviewers, checker, today):
    review_on = today - timedelta(days=45)
    review = services.review_plan(
        school=school, review_on=review_on, reviewers=reviewers, internal_checkers=[checker], by=ceo
    )
    head = school.appointments.filter(role__in=["headteacher", "head_of_school"]).first().person
    services.review_focus_send(
        review=review,
        focus_area="Reading in Key Stage 1: how phonics teaching carries into early reading fluency.",
        questions=[
            "How consistently is the phonics programme taught across Reception and Year 1?",
            "How well do pupils who fall behind in phonics catch up by the end of Year 2?",
        ],
        by=head,
    )
    services.review_question_add(
        review=review, text="How do leaders know the reading books match the sounds pupils know?", by=ceo
    )
    services.review_timetable_agree(
        review=review,
        timetable="08:45 Welcome and the head's context\n09:15 Phonics lessons, Reception and Year 1\n"
        "10:30 Reading with pupils\n11:30 Internal checks in the school office (CFO)\n"
        "13:30 Leaders' meeting\n15:00 The group meets; 15:45 feedback to the head",
        agreed_with_school_lead=True,
        by=ceo,
    )
    services.review_day_record(
        review=review,
        notes="Phonics lessons seen in all four classes; reading with twelve pupils; leaders' meeting.",
        internal_checks="Petty cash and purchase orders checked: in order.",
        by=ceo,
    )
    questions = list(review.questions.all())
    findings = {
        questions[0].pk: (
            "The programme is taught daily to the same structure in every class seen.",
            "How new staff are brought up to the same consistency.",
        ),
        questions[1].pk: (
            "Catch-up groups meet daily and pupils in them could say the sounds they are learning.",
            "Whether catch-up pupils read aloud often enough outside their group.",
        ),
        questions[2].pk: (
            "Books are matched by the phonics lead each half-term.",
            "How class teachers check the match between assessments.",
        ),
    }
    services.review_findings_record(review=review, findings=findings, by=ceo)
    pdf = services.review_letter_issue(review=review, results_as_expected=True, by=ceo)
    # The letter is made here, as load_demo makes the other PDFs, rather than waiting for a worker.
    letter_pdf_render(pdf_id=pdf.pk)
    services.review_staff_session_record(
        review=review,
        held_on=review_on + timedelta(days=21),
        facilitators="The trust's Action Plan Facilitators: two trained middle leaders",
        by=ceo,
    )
    # The dates each step would have had, a few weeks ago.
    PeerReview.objects.filter(pk=review.pk).update(
        focus_sent_on=review_on - timedelta(days=7),
        timetable_agreed_on=review_on - timedelta(days=4),
        letter_issued_on=review_on + timedelta(days=10),
    )


def _upcoming(*, school, ceo, reviewers, today):
    review = services.review_plan(
        school=school, review_on=today + timedelta(days=20), reviewers=reviewers, by=ceo
    )
    head = school.appointments.filter(role__in=["headteacher", "head_of_school"]).first().person
    services.review_focus_send(
        review=review,
        focus_area="Mathematics in upper Key Stage 2: reasoning and problem solving.",
        questions=["How well do pupils explain their reasoning in Years 5 and 6?"],
        by=head,
    )


def load(*, stdout=None):
    ceo, eht, cfo = _person("ceo"), _person("eht"), _person("cfo")
    ashdown, castle = _school("Ashdown"), _school("Castle Hill")
    if not all([ceo, eht, cfo, ashdown, castle]):
        return
    today = timezone.localdate()
    heads = {word: _person(f"head.{word}") for word in ("ashdown", "castle", "larkrise")}
    made = 0
    if not PeerReview.objects.filter(school=ashdown).exists():
        reviewers = [eht, heads["castle"], heads["larkrise"]]
        _completed(school=ashdown, ceo=ceo, reviewers=[p for p in reviewers if p], checker=cfo, today=today)
        made += 1
    if not PeerReview.objects.filter(school=castle).exists():
        reviewers = [eht, heads["ashdown"], heads["larkrise"]]
        _upcoming(school=castle, ceo=ceo, reviewers=[p for p in reviewers if p], today=today)
        made += 1
    if stdout:
        stdout.write(f"Peer reviews: {made} made (one completed with its letter, one upcoming).")
