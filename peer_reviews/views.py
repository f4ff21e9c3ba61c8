"""Peer review pages. A review is loaded only through `PeerReview.objects.visible_to` (the group and the
school's head; 404 to everyone else), and every page that shows one, and every download, is recorded."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.services import DOWNLOADED, access_record_create
from schools.access import appointment_required, get_for_user, trust_role_required
from schools.models import School
from schools.roles import Role
from trust_portal.uploads import protected_file_response

from . import forms, permissions, selectors, services
from .document import letter_html
from .models import PeerReview

# Trust leaders who plan and follow the schedule; it shows dates and states, never a review's content.
SCHEDULE_ROLES = (Role.CEO, Role.CFO, Role.COO, Role.EHT, Role.COMPLIANCE_MANAGER)


def _load(request, pk, page="") -> PeerReview:
    review = get_for_user(PeerReview.objects.select_related("school", "planned_by"), request.user, pk=pk)
    what = f"{review} ({page})" if page else str(review)
    access_record_create(request=request, obj=review, school=review.school, what=what)
    return review


def _allow(allowed: bool, message: str = "You can read this review but not take this step."):
    if not allowed:
        raise PermissionDenied(message)


def _posted(request):
    """The form's data on a POST (even an empty one, so its errors show), None on a GET."""
    return request.POST if request.method == "POST" else None


def _detail_url(review):
    return reverse("peer_reviews:detail", args=[review.pk])


def _form_page(request, *, form, title, school, back, save, success, intro="", button="Save"):
    """Show `form`; on a valid POST make one service call and go back. A refusal shows in the error
    summary with what was typed kept."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(back)
    context = {"form": form, "title": title, "school": school, "back": back, "intro": intro, "button": button}
    return render(request, "peer_reviews/form_page.html", context)


@trust_role_required(*SCHEDULE_ROLES)
def schedule(request):
    today = timezone.localdate()
    rows = selectors.peer_review_schedule(schools=School.objects.visible_to(request.user), today=today)
    return render(
        request,
        "peer_reviews/schedule.html",
        {"rows": rows, "today": today, "may_plan": permissions.may_plan(request.user)},
    )


@appointment_required
def mine(request):
    return render(
        request,
        "peer_reviews/mine.html",
        {"reviews": selectors.reviews_for(request.user), "may_plan": permissions.may_plan(request.user)},
    )


@appointment_required
def plan(request, urn):
    school = get_for_user(School.objects, request.user, urn=urn)
    _allow(permissions.may_plan(request.user), "Only the CEO plans a peer review.")
    form = forms.PlanForm(_posted(request), school=school)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.review_plan(school=school, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Peer review planned. The school lead is asked for the focus.")
            return redirect(_detail_url(review))
    context = {
        "form": form,
        "title": "Plan a peer review",
        "school": school,
        "back": reverse("peer_reviews:schedule"),
        "intro": "Each school has at least one peer review a year, with a group of about six reviewers.",
        "button": "Plan the review",
    }
    return render(request, "peer_reviews/form_page.html", context)


@appointment_required
def detail(request, pk):
    review = _load(request, pk)
    user = request.user
    return render(
        request,
        "peer_reviews/detail.html",
        {
            "review": review,
            "school": review.school,
            "members": review.members.select_related("person"),
            "questions": review.questions.all(),
            "letter": getattr(review, "letter", None) if review.letter_issued else None,
            "events": review.events.select_related("by")[:20],
            "is_lead": permissions.is_school_lead(user, review),
            "may_lead": permissions.may_lead(user, review),
            "may_record_day": permissions.may_record_day(user, review),
            "may_record_session": permissions.may_record_staff_session(user, review),
        },
    )


@appointment_required
def group(request, pk):
    review = _load(request, pk, "group")
    _allow(permissions.may_lead(request.user, review))
    members = review.members.all()
    initial = {
        "reviewers": [m.person_id for m in members if not m.internal_checks],
        "internal_checkers": [m.person_id for m in members if m.internal_checks],
    }
    return _form_page(
        request,
        form=forms.GroupForm(_posted(request), initial=initial, school=review.school),
        title="Change the review group",
        school=review.school,
        back=_detail_url(review),
        save=lambda data: services.review_group_set(review=review, by=request.user, **data),
        success="Review group changed.",
    )


@appointment_required
def focus(request, pk):
    review = _load(request, pk, "focus")
    _allow(permissions.is_school_lead(request.user, review), "The school lead sends the focus and questions.")
    initial = {
        "focus_area": review.focus_area,
        "questions": "\n".join(q.text for q in review.questions.filter(added_by_ceo=False)),
    }
    return _form_page(
        request,
        form=forms.FocusForm(_posted(request), initial=initial),
        title="Send the focus and key questions",
        school=review.school,
        back=_detail_url(review),
        save=lambda data: services.review_focus_send(review=review, by=request.user, **data),
        success="Focus and questions sent to the CEO.",
        intro=f"Send them the week before the review ({review.review_on:%-d %B %Y}).",
        button="Send to the CEO",
    )


@appointment_required
def question_add(request, pk):
    review = _load(request, pk, "add a question")
    _allow(permissions.may_lead(request.user, review))
    return _form_page(
        request,
        form=forms.QuestionForm(_posted(request)),
        title="Add a question",
        school=review.school,
        back=_detail_url(review),
        save=lambda data: services.review_question_add(review=review, by=request.user, **data),
        success="Question added.",
    )


@appointment_required
def timetable(request, pk):
    review = _load(request, pk, "timetable")
    _allow(permissions.may_lead(request.user, review))
    return _form_page(
        request,
        form=forms.TimetableForm(_posted(request), initial={"timetable": review.timetable}),
        title="Agree and circulate the timetable",
        school=review.school,
        back=_detail_url(review),
        save=lambda data: services.review_timetable_agree(review=review, by=request.user, **data),
        success="Timetable agreed and circulated to the review group.",
        button="Circulate the timetable",
    )


@appointment_required
def day(request, pk):
    review = _load(request, pk, "the day")
    _allow(permissions.may_record_day(request.user, review))
    initial = {"notes": review.notes, "internal_checks": review.internal_checks}
    return _form_page(
        request,
        form=forms.DayForm(_posted(request), initial=initial),
        title="Notes from the day",
        school=review.school,
        back=_detail_url(review),
        save=lambda data: services.review_day_record(review=review, by=request.user, **data),
        success="Notes kept with the review.",
    )


@appointment_required
def findings(request, pk):
    review = _load(request, pk, "findings")
    _allow(permissions.may_lead(request.user, review))
    form = forms.FindingsForm(_posted(request), questions=review.questions.all())
    return _form_page(
        request,
        form=form,
        title="Findings against each question",
        school=review.school,
        back=_detail_url(review),
        save=lambda data: services.review_findings_record(
            review=review, findings=form.findings(), by=request.user
        ),
        success="Findings saved. Issue the letter when the group has agreed it.",
        intro="State the strengths and the possible areas for future focus. Strategies and solutions are "
        "not given.",
    )


@appointment_required
def letter_issue(request, pk):
    review = _load(request, pk, "issue the letter")
    _allow(permissions.may_lead(request.user, review))
    return _form_page(
        request,
        form=forms.LetterIssueForm(_posted(request)),
        title="Issue the findings letter",
        school=review.school,
        back=_detail_url(review),
        save=lambda data: services.review_letter_issue(review=review, by=request.user, **data),
        success="Letter issued: its PDF is being made.",
        intro="The letter is frozen once issued: it goes to the head and staff as it stands now.",
        button="Issue the letter",
    )


@appointment_required
def letter_document(request, pk):
    """The letter as issued, from its frozen content."""
    review = _load(request, pk, "letter")
    letter = getattr(review, "letter", None)
    if letter is None:
        raise Http404("This review's letter has not been issued.")
    return HttpResponse(letter_html(letter.content, for_pdf=False, review_id=review.pk))


@appointment_required
def letter_pdf(request, pk):
    review = get_for_user(PeerReview.objects.select_related("school"), request.user, pk=pk)
    letter = getattr(review, "letter", None)
    if letter is None or not letter.is_ready:
        raise Http404("This review's letter PDF has not been made yet.")
    access_record_create(
        request=request, obj=review, action=DOWNLOADED, school=review.school, what=f"{review} (letter PDF)"
    )
    name = f"peer-review-letter-{review.school.urn}-{review.review_on:%Y-%m-%d}.pdf"
    return protected_file_response(letter.file, download_name=name)


@appointment_required
def staff_session(request, pk):
    review = _load(request, pk, "whole-staff session")
    _allow(permissions.may_record_staff_session(request.user, review))
    return _form_page(
        request,
        form=forms.StaffSessionForm(_posted(request)),
        title="Record the whole-staff session",
        school=review.school,
        back=_detail_url(review),
        save=lambda data: services.review_staff_session_record(review=review, by=request.user, **data),
        success="Whole-staff session recorded: the review is complete.",
    )
