"""Warning notice pages. Every view of a notice is recorded as restricted access."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.services import DOWNLOADED, access_record_create
from categorisation.models import Dimension, Record
from letters.pdf import render_pdf
from schools.access import appointment_required, get_for_user
from schools.models import School

from .. import forms, permissions, services
from ..ladder import INTERVENTION_DIMENSIONS, outcome_choices
from ..models import NoticeTarget, WarningNotice
from .common import allow, form_page


def _notice_url(notice_id):
    return reverse("interventions:notice_detail", args=[notice_id])


def _load(request, pk):
    return get_for_user(
        WarningNotice.objects.select_related("school", "issued_by", "closed_by"), request.user, pk=pk
    )


def _vote_url(notice):
    """The categorisation page where the chair opens the panel's vote on this school."""
    return reverse("categorisation:vote_new", args=[notice.school.urn])


@appointment_required
def notice_create(request, urn, dimension):
    school = get_for_user(School.objects, request.user, urn=urn)
    if dimension not in INTERVENTION_DIMENSIONS:
        raise Http404("No such dimension.")
    allow(permissions.may_write_notice(request.user, dimension), "You cannot issue this warning notice.")
    form = forms.NoticeForm(request.POST or None, school=school)
    return form_page(
        request,
        form=form,
        title=f"Issue a {Dimension(dimension).label.lower()} warning notice",
        school=school,
        back=lambda notice: _notice_url(notice.pk),
        cancel=reverse("schools:detail", args=[school.urn]),
        save=lambda data: services.notice_issue(school=school, dimension=dimension, by=request.user, **data),
        success="Warning notice issued.",
        button="Issue the notice",
    )


@appointment_required
def notice_detail(request, pk):
    notice = _load(request, pk)
    access_record_create(request=request, obj=notice, school=notice.school)
    today = timezone.localdate()
    return render(
        request,
        "interventions/notice_detail.html",
        {
            "notice": notice,
            "school": notice.school,
            "targets": notice.targets.all(),
            "recipients": notice.recipients.all(),
            "attendees": notice.meeting_attendees.all(),
            "today": today,
            "vote_due": notice.vote_due(today),
            "vote_url": _vote_url(notice),
            "may_write": permissions.may_write_notice(request.user, notice.dimension) and notice.is_open,
            "may_record_plan": permissions.may_record_action_plan(request.user, notice) and notice.is_open,
        },
    )


def _document_html(request, notice, *, for_pdf=False):
    return render_to_string(
        "interventions/notice_document.html",
        {
            "notice": notice,
            "school": notice.school,
            "targets": notice.targets.all(),
            "recipients": notice.recipients.all(),
            "for_pdf": for_pdf,
        },
        request=None if for_pdf else request,
    )


@appointment_required
def notice_document(request, pk):
    """The notice as the letter the school receives."""
    notice = _load(request, pk)
    access_record_create(request=request, obj=notice, school=notice.school, what=f"{notice} (document)")
    return HttpResponse(_document_html(request, notice))


@appointment_required
def notice_pdf(request, pk):
    notice = _load(request, pk)
    pdf = render_pdf(_document_html(request, notice, for_pdf=True))
    access_record_create(
        request=request, obj=notice, action=DOWNLOADED, school=notice.school, what=f"{notice} (PDF)"
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="warning-notice-{notice.school.urn}-{notice.pk}.pdf"'
    )
    return response


@appointment_required
def notice_target_add(request, pk):
    notice = _load(request, pk)
    allow(permissions.may_write_notice(request.user, notice.dimension))
    return form_page(
        request,
        form=forms.TargetForm(request.POST or None),
        title="Add a target",
        school=notice.school,
        back=_notice_url(notice.pk),
        save=lambda data: services.notice_target_add(notice=notice, by=request.user, **data),
        success="Target added.",
    )


@appointment_required
def notice_target_record(request, pk):
    target = get_for_user(NoticeTarget.objects.select_related("notice__school"), request.user, pk=pk)
    allow(permissions.may_write_notice(request.user, target.notice.dimension))
    initial = {"status": target.status, "met_on": target.met_on, "note": target.note}
    return form_page(
        request,
        form=forms.TargetRecordForm(request.POST or None, initial=initial),
        title="Was the target met?",
        school=target.notice.school,
        back=_notice_url(target.notice_id),
        save=lambda data: services.notice_target_record(target=target, by=request.user, **data),
        success="Target recorded.",
        intro=target.text,
    )


@appointment_required
def notice_meeting(request, pk):
    notice = _load(request, pk)
    allow(permissions.may_write_notice(request.user, notice.dimension))
    initial = {"meeting_on": notice.meeting_on, "attendees": notice.meeting_attendees.all()}
    return form_page(
        request,
        form=forms.MeetingForm(request.POST or None, school=notice.school, initial=initial),
        title="Target-setting meeting",
        school=notice.school,
        back=_notice_url(notice.pk),
        save=lambda data: services.notice_meeting_record(notice=notice, by=request.user, **data),
        success="Meeting recorded.",
    )


@appointment_required
def notice_action_plan(request, pk):
    notice = _load(request, pk)
    allow(permissions.may_record_action_plan(request.user, notice))
    initial = {
        "action_plan": notice.action_plan,
        "received_on": notice.action_plan_received_on,
        "sent_to_chair_on": notice.action_plan_sent_to_chair_on,
        "advisor": notice.advisor,
    }
    return form_page(
        request,
        form=forms.ActionPlanForm(request.POST or None, initial=initial),
        title="Jointly written action plan",
        school=notice.school,
        back=_notice_url(notice.pk),
        save=lambda data: services.notice_action_plan_record(notice=notice, by=request.user, **data),
        success="Action plan recorded.",
        intro="Written jointly by the school's LSB and head; for education, sent to the E&S Board chair.",
    )


@appointment_required
def notice_close(request, pk):
    notice = _load(request, pk)
    allow(permissions.may_write_notice(request.user, notice.dimension))
    form_class = forms.outcome_form(
        outcome_choices(dimension=notice.dimension, record=Record.NOTICE),
        help_text="The outcome must match the panel's vote.",
    )
    return form_page(
        request,
        form=form_class(request.POST or None),
        title="Close the warning notice",
        school=notice.school,
        back=_notice_url(notice.pk),
        save=lambda data: services.notice_close(notice=notice, by=request.user, **data),
        success="Warning notice closed.",
        button="Close the notice",
        warning=True,
    )
