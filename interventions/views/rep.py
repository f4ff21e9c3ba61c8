"""REP pages: write one, its details and funding, actions and their progress, reviews, extension, closing."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from categorisation.models import Dimension, Record
from schools.access import appointment_required, get_for_user
from schools.models import School

from .. import forms, permissions, services
from ..ladder import outcome_choices
from ..models import FundingRequestStatus, Rep, RepAction, RepFundingRequest, RepMilestone
from .common import allow, form_page


def _rep_url(rep_id):
    return reverse("interventions:rep_detail", args=[rep_id])


@appointment_required
def rep_create(request, urn):
    school = get_for_user(School.objects, request.user, urn=urn)
    permissions.require_write_rep(request.user)
    form = forms.RepForm(request.POST or None, school=school, initial={"author": request.user})
    return form_page(
        request,
        form=form,
        title="Write a Rapid Enhancement Plan",
        school=school,
        back=lambda rep: _rep_url(rep.pk),
        cancel=reverse("schools:detail", args=[school.urn]),
        save=lambda data: services.rep_open(school=school, by=request.user, **data),
        success="REP written with its three milestones. Add the actions to each.",
        intro="Milestones are counted from the date written: within 1 week, within 3 weeks and by week 6.",
    )


@appointment_required
def rep_detail(request, pk):
    rep = get_for_user(
        Rep.objects.select_related("school", "author", "mentor", "funding_approved_by"), request.user, pk=pk
    )
    milestones = rep.milestones.prefetch_related("actions__owner", "reviews__reviewers")
    today = timezone.localdate()
    return render(
        request,
        "interventions/rep_detail.html",
        {
            "rep": rep,
            "school": rep.school,
            "milestones": milestones,
            "extensions": rep.extensions.select_related("granted_by"),
            "today": today,
            "may_write": permissions.may_write_rep(request.user) and rep.is_open,
            "may_approve_funding": permissions.may_approve_funding(request.user) and rep.is_open,
            "may_request_funding": permissions.may_request_funding(request.user, rep) and rep.is_open,
            "funding_requests": rep.funding_requests.select_related("requested_by", "decided_by"),
            "may_review": permissions.may_review_rep(request.user, rep.school_id) and rep.is_open,
        },
    )


@appointment_required
def rep_edit(request, pk):
    rep = get_for_user(Rep.objects.select_related("school"), request.user, pk=pk)
    permissions.require_write_rep(request.user)
    initial = {f: getattr(rep, f) for f in ("mentor", "mentor_time", "sdp_expected_on", "sdp_received_on")}
    form = forms.RepDetailsForm(request.POST or None, school=rep.school, initial=initial)
    return form_page(
        request,
        form=form,
        title="Mentor and reviewed SDP",
        school=rep.school,
        back=_rep_url(rep.pk),
        save=lambda data: services.rep_details_update(rep=rep, by=request.user, **data),
        success="REP details saved.",
    )


@appointment_required
def rep_funding(request, pk):
    rep = get_for_user(Rep.objects.select_related("school"), request.user, pk=pk)
    permissions.require_approve_funding(request.user)
    form = forms.FundingForm(request.POST or None)
    return form_page(
        request,
        form=form,
        title="Approve extra funding from reserves",
        school=rep.school,
        back=_rep_url(rep.pk),
        save=lambda data: services.rep_funding_approve(rep=rep, by=request.user, **data),
        success="Extra funding approved.",
    )


@appointment_required
def rep_funding_request(request, pk):
    rep = get_for_user(Rep.objects.select_related("school"), request.user, pk=pk)
    allow(
        permissions.may_request_funding(request.user, rep),
        "Only the CEO, the EHT or the school's head asks for extra funding.",
    )
    return form_page(
        request,
        form=forms.FundingRequestForm(request.POST or None),
        title="Ask for extra funding from reserves",
        school=rep.school,
        back=_rep_url(rep.pk),
        save=lambda data: services.rep_funding_request(rep=rep, by=request.user, **data),
        success="Request sent. The CEO will decide it.",
        intro="The CEO may approve extra funding for the REP from the school's reserves.",
        button="Send the request",
    )


@appointment_required
def funding_request_decide(request, pk):
    funding = get_for_user(
        RepFundingRequest.objects.select_related("rep__school", "requested_by"), request.user, pk=pk
    )
    allow(permissions.may_approve_funding(request.user), "Only the CEO decides requests for extra funding.")
    allow(funding.status == FundingRequestStatus.AWAITING, "This request has been decided already.")
    return form_page(
        request,
        form=forms.FundingDecisionForm(request.POST or None),
        title="Decide the request for extra funding",
        school=funding.rep.school,
        back=_rep_url(funding.rep_id),
        save=lambda data: services.rep_funding_decide(
            request=funding, approve=data["decision"] == "approve", note=data["note"], by=request.user
        ),
        success="Decision recorded.",
        intro=f"{funding.requested_by} asks for £{funding.amount:,.2f} from the school's reserves: "
        f"{funding.reason}",
        button="Record the decision",
    )


@appointment_required
def milestone_edit(request, pk):
    milestone = get_for_user(RepMilestone.objects.select_related("rep__school"), request.user, pk=pk)
    permissions.require_write_rep(request.user)
    form = forms.MilestoneDateForm(request.POST or None, initial={"due_on": milestone.due_on})
    return form_page(
        request,
        form=form,
        title=f"Change the due date: {milestone.get_milestone_display()}",
        school=milestone.rep.school,
        back=_rep_url(milestone.rep_id),
        save=lambda data: services.rep_milestone_reschedule(milestone=milestone, by=request.user, **data),
        success="Milestone date changed.",
    )


@appointment_required
def action_add(request, pk):
    milestone = get_for_user(RepMilestone.objects.select_related("rep__school"), request.user, pk=pk)
    permissions.require_write_rep(request.user)
    form = forms.ActionForm(request.POST or None, school=milestone.rep.school)
    return form_page(
        request,
        form=form,
        title=f"Add an action: {milestone.get_milestone_display()}",
        school=milestone.rep.school,
        back=_rep_url(milestone.rep_id),
        save=lambda data: services.rep_action_add(milestone=milestone, by=request.user, **data),
        success="Action added.",
    )


@appointment_required
def action_progress(request, pk):
    action = get_for_user(RepAction.objects.select_related("milestone__rep__school"), request.user, pk=pk)
    permissions.require_update_action(request.user, action)
    initial = {"status": action.status, "done_on": action.done_on, "note": action.progress_note}
    form = forms.ActionProgressForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form=form,
        title="Update the action's progress",
        school=action.milestone.rep.school,
        back=_rep_url(action.milestone.rep_id),
        save=lambda data: services.rep_action_progress(action=action, by=request.user, **data),
        success="Progress saved.",
        intro=action.text,
    )


@appointment_required
def review_add(request, pk):
    milestone = get_for_user(RepMilestone.objects.select_related("rep__school"), request.user, pk=pk)
    permissions.require_review_rep(request.user, milestone.rep.school_id)
    form = forms.ReviewForm(request.POST or None, school=milestone.rep.school)
    return form_page(
        request,
        form=form,
        title=f"Review: {milestone.get_milestone_display()}",
        school=milestone.rep.school,
        back=_rep_url(milestone.rep_id),
        save=lambda data: services.rep_review_record(milestone=milestone, by=request.user, **data),
        success="Review recorded.",
    )


@appointment_required
def rep_extend(request, pk):
    rep = get_for_user(Rep.objects.select_related("school"), request.user, pk=pk)
    permissions.require_write_rep(request.user)
    form = forms.ExtendForm(request.POST or None)
    return form_page(
        request,
        form=form,
        title="Extend the REP",
        school=rep.school,
        back=_rep_url(rep.pk),
        save=lambda data: services.rep_extend(rep=rep, by=request.user, **data),
        success="REP extended. The extension is kept and counts towards Poor.",
        intro='An extension counts towards the Poor characteristic "multiple REPs or REP extensions".',
    )


@appointment_required
def rep_close(request, pk):
    rep = get_for_user(Rep.objects.select_related("school"), request.user, pk=pk)
    permissions.require_write_rep(request.user)
    form_class = forms.outcome_form(
        outcome_choices(dimension=Dimension.EDUCATION, record=Record.PLAN),
        help_text="The outcome must match the CEO's education decision.",
    )
    return form_page(
        request,
        form=form_class(request.POST or None),
        title="Close the REP",
        school=rep.school,
        back=_rep_url(rep.pk),
        save=lambda data: services.rep_close(rep=rep, by=request.user, **data),
        success="REP closed.",
        button="Close the REP",
        warning=True,
    )
