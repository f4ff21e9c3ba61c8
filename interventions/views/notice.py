"""Warning notice pages. Every view of a notice is recorded as restricted access."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from accounts.services import DOWNLOADED, access_record_create
from categorisation.models import Dimension, Record
from schools.access import appointment_required, get_for_user
from schools.models import School
from trust_portal.pdf_records import RenderStatus
from trust_portal.uploads import protected_file_response

from .. import forms, permissions, services
from ..ladder import INTERVENTION_DIMENSIONS, outcome_choices
from ..models import NoticeTarget, WarningNotice
from ..notice_document import notice_document_html
from .common import form_page


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
    permissions.require_write_notice(request.user, dimension)
    form = forms.NoticeForm(request.POST or None, school=school, dimension=dimension)
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
            "pdfs": notice.pdfs.all(),
            "emails": notice.emails.all(),
            "attendees": notice.meeting_attendees.all(),
            "today": today,
            "vote_due": notice.vote_due(today),
            "vote_url": _vote_url(notice),
            "may_write": permissions.may_write_notice(request.user, notice.dimension) and notice.is_open,
            "may_report": permissions.may_report(request.user, notice),
            "may_correct": permissions.may_write_notice(request.user, notice.dimension),
            "may_record_plan": permissions.may_record_action_plan(request.user, notice) and notice.is_open,
        },
    )


@appointment_required
def notice_document(request, pk):
    """The notice as the school received it: the latest issued version's frozen content."""
    notice = _load(request, pk)
    latest = notice.pdfs.first()
    if latest is None:
        raise Http404("This notice has no issued version.")
    access_record_create(request=request, obj=notice, school=notice.school, what=f"{notice} (document)")
    return HttpResponse(notice_document_html(latest.content, for_pdf=False, notice_id=notice.pk))


@appointment_required
def notice_pdf(request, pk):
    """The latest version's PDF, made once by a worker; every download is recorded."""
    notice = _load(request, pk)
    pdf = notice.pdfs.filter(status=RenderStatus.READY).first()
    if pdf is None:
        raise Http404("This notice's PDF has not been made yet.")
    access_record_create(
        request=request, obj=notice, action=DOWNLOADED, school=notice.school, what=f"{notice} (PDF)"
    )
    name = f"warning-notice-{notice.school.urn}-{notice.pk}-v{pdf.version}.pdf"
    return protected_file_response(pdf.file, download_name=name)


@appointment_required
def notice_correct(request, pk):
    notice = _load(request, pk)
    permissions.require_write_notice(request.user, notice.dimension)
    return form_page(
        request,
        form=forms.CorrectionForm(request.POST or None),
        title="Correct the notice (a new version)",
        school=notice.school,
        back=_notice_url(notice.pk),
        save=lambda data: services.notice_correct(notice=notice, by=request.user, **data),
        success="A corrected version is being made; the earlier one is kept.",
        button="Make the corrected version",
    )


@appointment_required
def notice_target_add(request, pk):
    notice = _load(request, pk)
    permissions.require_write_notice(request.user, notice.dimension)
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
    permissions.require_write_notice(request.user, target.notice.dimension)
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
    permissions.require_write_notice(request.user, notice.dimension)
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
    permissions.require_record_action_plan(request.user, notice)
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
    permissions.require_write_notice(request.user, notice.dimension)
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
