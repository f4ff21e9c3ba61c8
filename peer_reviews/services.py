"""Every step of a peer review (seed 002, Appendix 5), one service each: who may take it and in what
state is checked here, whatever calls it."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from schools.models import Appointment, School
from schools.roles import HEAD_ROLES, Role
from trust_portal.queue import enqueue

from . import permissions
from .document import content_hash, letter_content
from .models import (
    REVIEW_MOVES,
    PeerReview,
    ReviewEvent,
    ReviewLetterPdf,
    ReviewMember,
    ReviewQuestion,
    ReviewStatus,
)

# Who may sit on a review group (the seed: the school lead, HTs, HoSs, the CEO, the EHT and the central
# AHT, a role the portal does not hold), and who comes for the internal checks (the CFO and COO).
REVIEWER_ROLES = frozenset({*HEAD_ROLES, Role.CEO, Role.EHT})
INTERNAL_CHECK_ROLES = frozenset({Role.CFO, Role.COO})
LARGEST_GROUP = 8  # "approximately 6 reviewers"


def roles_by_person(roles) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    current = Appointment.objects.current().filter(role__in=roles, person__is_active=True)
    for person_id, role, school in current.values_list("person_id", "role", "school__name"):
        label = Role(role).label + (f", {school}" if school else "")
        found.setdefault(person_id, []).append(label)
    return found


def _move(review: PeerReview, to: str, what: str) -> None:
    if to not in REVIEW_MOVES[review.status]:
        raise ValidationError(f"You cannot {what} now: the review is at '{review.get_status_display()}'.")
    review.status = to


def _event(review: PeerReview, action: str, by) -> None:
    ReviewEvent.objects.create(review=review, action=action, by=by)


def _locked(review: PeerReview) -> PeerReview:
    return PeerReview.objects.select_for_update().select_related("school").get(pk=review.pk)


def _group_members(*, school: School, reviewers, internal_checkers, by) -> list[ReviewMember]:
    """The group as chosen, checked against who holds which role today. The school lead (the school's
    head) and the CEO who plans it are always in it."""
    reviewer_roles = roles_by_person(REVIEWER_ROLES)
    checker_roles = roles_by_person(INTERNAL_CHECK_ROLES)
    leads = list(
        Appointment.objects.current()
        .for_school(school, HEAD_ROLES)
        .filter(person__is_active=True)
        .select_related("person")
    )
    if not leads:
        raise ValidationError(
            f"{school} has no current headteacher or head of school. The school lead is part of the "
            "review group: record their appointment first."
        )
    members: dict[int, ReviewMember] = {}
    for lead in leads:
        members[lead.person_id] = ReviewMember(
            person=lead.person, role=f"School lead ({lead.get_role_display()})"
        )
    for person in [by, *reviewers]:
        if person.pk in members:
            continue
        if person.pk not in reviewer_roles:
            raise ValidationError(
                f"{person.display_name} holds no role that sits on a review group (a headteacher, head "
                "of school, the CEO or the EHT)."
            )
        members[person.pk] = ReviewMember(person=person, role="; ".join(reviewer_roles[person.pk]))
    for person in internal_checkers:
        if person.pk not in checker_roles:
            raise ValidationError(
                f"{person.display_name} is not the CFO or the COO: only they (or a delegate holding one of "
                "those roles) carry out the internal checks."
            )
        if person.pk not in members:
            members[person.pk] = ReviewMember(
                person=person, role="; ".join(checker_roles[person.pk]), internal_checks=True
            )
    reviewing = [m for m in members.values() if not m.internal_checks]
    if len(reviewing) > LARGEST_GROUP:
        raise ValidationError(
            f"A review group is about six reviewers: you chose {len(reviewing)}. Choose at most "
            f"{LARGEST_GROUP}."
        )
    if len(reviewing) < 2:
        raise ValidationError("Choose at least one reviewer besides the school lead.")
    return list(members.values())


def review_plan(*, school: School, review_on: date, reviewers, internal_checkers=(), by) -> PeerReview:
    """The CEO plans a school's peer review and chooses its group."""
    permissions.require(permissions.may_plan(by), "Only the CEO plans a peer review.")
    members = _group_members(school=school, reviewers=reviewers, internal_checkers=internal_checkers, by=by)
    with transaction.atomic():
        School.objects.select_for_update().get(pk=school.pk)
        waiting = PeerReview.objects.filter(school=school).exclude(status=ReviewStatus.COMPLETED).first()
        if waiting:
            raise ValidationError(
                f"{school} already has a peer review on {waiting.review_on:%-d %B %Y} that is not "
                "complete. Finish it (or change its group) before planning another."
            )
        review = PeerReview.objects.create(school=school, review_on=review_on, planned_by=by)
        for member in members:
            member.review = review
        ReviewMember.objects.bulk_create(members)
        _event(review, "Planned", by)
    return review


def review_group_set(*, review: PeerReview, reviewers, internal_checkers=(), by) -> PeerReview:
    """Change the group before the day."""
    permissions.require(permissions.may_lead(by, review), "Only the CEO in the group changes it.")
    members = _group_members(
        school=review.school, reviewers=reviewers, internal_checkers=internal_checkers, by=by
    )
    with transaction.atomic():
        review = _locked(review)
        if review.is_held:
            raise ValidationError("The review has been held: its group is a record and cannot change.")
        review.members.all().delete()
        for member in members:
            member.review = review
        ReviewMember.objects.bulk_create(members)
        _event(review, "Group changed", by)
    return review


def review_focus_send(*, review: PeerReview, focus_area: str, questions: list[str], by) -> PeerReview:
    """The week before, the school lead sends the area to focus on and the key questions to explore.
    They may send them again until the timetable is agreed; the CEO's own questions are kept."""
    permissions.require(
        permissions.is_school_lead(by, review),
        "The school lead (the school's head) sends the focus and the questions.",
    )
    focus_area = focus_area.strip()
    questions = [q.strip() for q in questions if q.strip()]
    if not focus_area:
        raise ValidationError("Enter the area of the school the review should focus on.")
    if not questions:
        raise ValidationError("Enter at least one key question for the review to explore.")
    with transaction.atomic():
        review = _locked(review)
        _move(review, ReviewStatus.FOCUS_SENT, "send the focus and questions")
        review.focus_area = focus_area
        review.focus_sent_on = timezone.localdate()
        review.save()
        review.questions.filter(added_by_ceo=False).delete()
        ReviewQuestion.objects.bulk_create(ReviewQuestion(review=review, text=text) for text in questions)
        _event(review, "Focus and questions sent", by)
    return review


def review_question_add(*, review: PeerReview, text: str, by) -> ReviewQuestion:
    """The CEO may expand on the school lead's questions, until the day is held."""
    permissions.require(permissions.may_lead(by, review), "Only the CEO in the group adds to the questions.")
    text = text.strip()
    if not text:
        raise ValidationError("Enter the question.")
    with transaction.atomic():
        review = _locked(review)
        if review.status not in (ReviewStatus.FOCUS_SENT, ReviewStatus.TIMETABLE_AGREED):
            raise ValidationError(
                "Questions are added after the school lead sends theirs and before the day: the review "
                f"is at '{review.get_status_display()}'."
            )
        question = ReviewQuestion.objects.create(review=review, text=text, added_by_ceo=True)
        _event(review, "Question added by the CEO", by)
    return question


def review_timetable_agree(
    *, review: PeerReview, timetable: str, agreed_with_school_lead: bool, by
) -> PeerReview:
    """The CEO's draft timetable, agreed with the school lead, is circulated to the group (it shows on
    the review's page and on each member's to-do page)."""
    permissions.require(permissions.may_lead(by, review), "Only the CEO in the group agrees the timetable.")
    timetable = timetable.strip()
    if not timetable:
        raise ValidationError("Enter the timetable for the day.")
    if not agreed_with_school_lead:
        raise ValidationError("Agree the timetable with the school lead before circulating it.")
    with transaction.atomic():
        review = _locked(review)
        _move(review, ReviewStatus.TIMETABLE_AGREED, "agree the timetable")
        review.timetable = timetable
        review.timetable_agreed_on = timezone.localdate()
        review.save()
        _event(review, "Timetable agreed and circulated", by)
    return review


def review_day_record(*, review: PeerReview, notes: str, internal_checks: str = "", by) -> PeerReview:
    """On the day (or after), the notes kept with the school and any internal checks."""
    permissions.require(permissions.may_record_day(by, review), "Only the review group keeps the notes.")
    notes = notes.strip()
    if not notes:
        raise ValidationError("Enter the notes from the day.")
    with transaction.atomic():
        review = _locked(review)
        if review.review_on > timezone.localdate():
            raise ValidationError(
                f"The review is on {review.review_on:%-d %B %Y}: its notes are kept on the day or after."
            )
        _move(review, ReviewStatus.HELD, "record the day")
        review.notes = notes
        review.internal_checks = internal_checks.strip()
        review.save()
        _event(review, "Day recorded", by)
    return review


def review_findings_record(*, review: PeerReview, findings: dict[int, tuple[str, str]], by) -> PeerReview:
    """The findings against each question: strengths and possible areas for future focus (no strategies
    or solutions, as the seed says). {question id: (strengths, future focus)}."""
    permissions.require(permissions.may_lead(by, review), "Only the CEO in the group writes the letter.")
    with transaction.atomic():
        review = _locked(review)
        if review.status != ReviewStatus.HELD:
            raise ValidationError(
                f"Findings are written after the day and before the letter is issued: the review is at "
                f"'{review.get_status_display()}'."
            )
        questions = list(review.questions.select_for_update())
        for question in questions:
            strengths, future_focus = findings.get(question.pk, ("", ""))
            question.strengths, question.future_focus = strengths.strip(), future_focus.strip()
        ReviewQuestion.objects.bulk_update(questions, ["strengths", "future_focus"])
        _event(review, "Findings written", by)
    return review


def review_letter_issue(*, review: PeerReview, results_as_expected: bool, by) -> ReviewLetterPdf:
    """Issue the findings letter to the head and staff: its content is frozen and a worker makes the PDF.
    Whether the results are as expected is recorded for the categorisation evidence only."""
    permissions.require(permissions.may_lead(by, review), "Only the CEO in the group issues the letter.")
    if results_as_expected is None:
        raise ValidationError("Say whether the review's results are as expected.")
    with transaction.atomic():
        review = _locked(review)
        questions = list(review.questions.all())
        if not questions:
            raise ValidationError(
                "The review has no questions: the letter answers the school lead's questions."
            )
        unanswered = [q.text[:60] for q in questions if not (q.strengths and q.future_focus)]
        if unanswered:
            raise ValidationError(
                "Write the strengths and the possible areas for future focus against every question "
                f"first. Missing for: {'; '.join(unanswered)}."
            )
        _move(review, ReviewStatus.LETTER_ISSUED, "issue the letter")
        review.results_as_expected = results_as_expected
        review.letter_issued_on = timezone.localdate()
        review.save()
        content = letter_content(review)
        pdf = ReviewLetterPdf.objects.create(
            review=review, content=content, content_hash=content_hash(content), made_by=by
        )
        _event(review, "Findings letter issued", by)
        transaction.on_commit(lambda: _enqueue_letter(pdf.pk))
    return pdf


def _enqueue_letter(pdf_id: int) -> None:
    from .tasks import render_peer_review_letter

    # If the queue is down the record stays waiting; the sweeper queues it once it is back.
    enqueue(lambda: render_peer_review_letter.delay(pdf_id), what=f"peer review letter PDF {pdf_id}")


def review_staff_session_record(*, review: PeerReview, held_on: date, facilitators: str, by) -> PeerReview:
    """The whole-staff session the Action Plan Facilitators led on the letter: the review is complete."""
    permissions.require(
        permissions.may_record_staff_session(by, review),
        "The CEO in the group or the school lead records the whole-staff session.",
    )
    facilitators = facilitators.strip()
    if not facilitators:
        raise ValidationError("Enter the Action Plan Facilitators who led the session.")
    if held_on > timezone.localdate():
        raise ValidationError("Record the session once it has been held: its date is in the future.")
    with transaction.atomic():
        review = _locked(review)
        if held_on < review.review_on:
            raise ValidationError(
                f"The session follows the review: choose a date on or after {review.review_on:%-d %B %Y}."
            )
        _move(review, ReviewStatus.COMPLETED, "record the whole-staff session")
        review.staff_session_on = held_on
        review.facilitators = facilitators
        review.save()
        _event(review, "Whole-staff session recorded", by)
    return review
