"""Improvement Board pages, and the restricted HR support plan (CEO, CFO and COO only)."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from accounts.services import access_record_create
from schools.access import appointment_required, get_for_user
from schools.models import School

from .. import forms, permissions, services
from ..ladder import INTERVENTION_DIMENSIONS
from ..models import BoardMember, HrSupportPlan, ImprovementBoard
from ..selectors import missing_reports
from ..services.decisions import current_categories
from .common import form_page


def _board_url(board_id):
    return reverse("interventions:board_detail", args=[board_id])


def _load(request, pk):
    return get_for_user(ImprovementBoard.objects.select_related("school"), request.user, pk=pk)


@appointment_required
def board_create(request, urn, dimension):
    school = get_for_user(School.objects, request.user, urn=urn)
    if dimension not in INTERVENTION_DIMENSIONS:
        raise Http404("No such dimension.")
    permissions.require_write_board(request.user)
    return form_page(
        request,
        form=forms.BoardForm(request.POST or None),
        title="Record the Improvement Board",
        school=school,
        back=lambda board: _board_url(board.pk),
        cancel=reverse("schools:detail", args=[school.urn]),
        save=lambda data: services.board_form(school=school, dimension=dimension, by=request.user, **data),
        success="Improvement Board recorded.",
        intro="Trustee-appointed, at least three members; it takes account of the LSB's views "
        "and holds the decisions.",
    )


@appointment_required
def board_detail(request, pk):
    board = _load(request, pk)
    today = timezone.localdate()
    return render(
        request,
        "interventions/board_detail.html",
        {
            "board": board,
            "school": board.school,
            "category": current_categories(school=board.school).get(board.dimension),
            "members": board.members.all(),
            "reports": board.reports.select_related("recorded_by"),
            "missing": missing_reports(board, on=today),
            "may_write": permissions.may_write_board(request.user) and board.is_open,
            "may_approve": permissions.may_approve_plan(request.user) and board.is_open,
            "may_report": permissions.may_record_report(request.user, board) and board.is_open,
            "may_read_hr_plan": permissions.may_read_hr_plan(request.user),
        },
    )


@appointment_required
def board_edit(request, pk):
    board = _load(request, pk)
    permissions.require_write_board(request.user)
    initial = {"interim_leader": board.interim_leader, "action_plan": board.action_plan}
    return form_page(
        request,
        form=forms.BoardDetailsForm(request.POST or None, initial=initial),
        title="Interim leader and action plan",
        school=board.school,
        back=_board_url(board.pk),
        save=lambda data: services.board_details_update(board=board, by=request.user, **data),
        success="Saved. A changed action plan needs the E&S Committee's approval again.",
    )


@appointment_required
def board_member_add(request, pk):
    board = _load(request, pk)
    permissions.require_write_board(request.user)
    return form_page(
        request,
        form=forms.BoardMemberForm(request.POST or None),
        title="Add a board member",
        school=board.school,
        back=_board_url(board.pk),
        save=lambda data: services.board_member_add(board=board, by=request.user, **data),
        success="Member added.",
    )


@appointment_required
def board_member_remove(request, pk):
    member = get_for_user(BoardMember.objects.select_related("board__school"), request.user, pk=pk)
    permissions.require_write_board(request.user)
    return form_page(
        request,
        form=forms.ReasonForm(request.POST or None),
        title=f"Remove {member.name} from the board",
        school=member.board.school,
        back=_board_url(member.board_id),
        save=lambda data: services.board_member_remove(member=member, by=request.user, **data),
        success="Member removed.",
        button="Remove",
        warning=True,
    )


@appointment_required
def board_approve(request, pk):
    board = _load(request, pk)
    permissions.require_approve_plan(request.user)
    return form_page(
        request,
        form=forms.ApproveForm(request.POST or None),
        title="E&S Committee approval of the action plan",
        school=board.school,
        back=_board_url(board.pk),
        save=lambda data: services.board_plan_approve(board=board, by=request.user, **data),
        success="Approval recorded.",
    )


@appointment_required
def board_report_add(request, pk):
    board = _load(request, pk)
    permissions.require_record_report(request.user, board)
    return form_page(
        request,
        form=forms.ReportForm(request.POST or None),
        title="Record a monthly progress report",
        school=board.school,
        back=_board_url(board.pk),
        save=lambda data: services.board_report_record(board=board, by=request.user, **data),
        success="Report recorded.",
    )


@appointment_required
def hr_plan(request, pk):
    """The restricted HR support plan: only the CEO, CFO and COO; everyone else gets 404."""
    board = _load(request, pk)
    permissions.require_read_hr_plan(request.user, board)
    plan = HrSupportPlan.objects.filter(board=board).select_related("updated_by").first()
    may_write = permissions.may_write_hr_plan(request.user, board)
    if request.method == "POST":
        permissions.require_write_hr_plan(request.user, board)
        return form_page(
            request,
            form=forms.HrPlanForm(request.POST),
            title="HR support plan",
            school=board.school,
            back=reverse("interventions:hr_plan", args=[board.pk]),
            save=lambda data: services.hr_support_plan_save(board=board, by=request.user, **data),
            success="HR support plan saved.",
        )
    if plan:
        access_record_create(request=request, obj=plan, school=board.school)
    form = forms.HrPlanForm(initial={"text": plan.text if plan else ""}) if may_write else None
    return render(
        request,
        "interventions/hr_plan.html",
        {"board": board, "school": board.school, "plan": plan, "form": form},
    )


@appointment_required
def board_close(request, pk):
    board = _load(request, pk)
    permissions.require_write_board(request.user)
    return form_page(
        request,
        form=forms.BoardCloseForm(request.POST or None),
        title="Stand the Improvement Board down",
        school=board.school,
        back=_board_url(board.pk),
        save=lambda data: services.board_close(board=board, by=request.user, **data),
        success="Improvement Board stood down.",
        button="Stand down",
        warning=True,
    )
