"""The lists: the trust's audit schedule, the compliance manager's actions across the trust, the grid of
open and overdue counts, and one school's actions and schedule. Every list has a CSV/XLSX export."""

from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.shortcuts import render
from django.utils import timezone

from audits.forms import ActionFilterForm
from audits.grid_page import grid_rows_html
from audits.models import AWAITING_CHECK, ActionEvent, AuditAction, EventKind
from audits.permissions import reporting_school_ids
from audits.schedule_page import EXPORT_HEADERS as SCHEDULE_EXPORT_HEADERS
from audits.schedule_page import ScheduleFilterForm, export_rows, rows_html, schedule_page
from audits.selectors import action_counts_grid, filtered_actions, schedule_for
from audits.views.common import is_compliance_manager
from schools.access import appointment_required, get_for_user, trust_role_required
from schools.models import School
from trust_portal.tabular import spreadsheet_response

EXPORT_HEADERS = [
    "URN",
    "School",
    "Audit type",
    "Audit date",
    "Action",
    "Priority",
    "Due date",
    "Owner",
    "Status",
    "Overdue",
    "Closure date",
    # What the school answered, from its latest report.
    "Reported on",
    "Actions taken",
    "Outcome",
    "Completed on",
    "Reason not actioned",
    "Evidence",
]
REPORTS = [EventKind.REPORTED_DONE, EventKind.REPORTED_NOT_ACTIONED]


def _actions_queryset(user):
    return AuditAction.objects.visible_to(user).select_related("audit__school", "audit__audit_type", "owner")


def _with_reports(actions):
    """Each action's reports, oldest first, as `reports`: the checks in place show the latest."""
    reports = ActionEvent.objects.filter(kind__in=REPORTS).order_by("at", "pk")
    return actions.prefetch_related(Prefetch("events", queryset=reports, to_attr="reports"))


def _latest_report(action):
    reports = action.reports  # prefetched, oldest first
    return reports[-1] if reports else None


def _answer(action) -> list:
    report = _latest_report(action)
    if report is None:
        return [None, "", "", None, "", ""]
    return [
        timezone.localtime(action.reported_at or report.at).date(),
        report.actions_taken,
        report.outcome,
        report.completed_on,
        report.reason,
        report.evidence_name,
    ]


def _export(actions, *, filename, fmt):
    today = timezone.localdate()
    actions = _with_reports(actions)
    rows = (
        [
            a.audit.school.urn,
            a.audit.school.name,
            a.audit.audit_type.name,
            a.audit.carried_out_on,
            a.description,
            a.get_priority_display(),
            a.due_on,
            str(a.owner),
            a.get_status_display(),
            "Yes" if a.is_overdue(today) else "No",
            a.closed_on,
            *_answer(a),
        ]
        for a in actions
    )
    return spreadsheet_response(filename, EXPORT_HEADERS, rows, "xlsx" if fmt == "xlsx" else "csv")


@trust_role_required()
def schedule(request):
    """The compliance manager's landing page: every school's audits, last carried out and next due."""
    form = ScheduleFilterForm(request.GET or None)
    schools = School.objects.visible_to(request.user).order_by("name")
    page = schedule_page(schools=schools, form=form, today=timezone.localdate())
    state = form.cleaned_data.get("state", "") if form.is_bound and form.is_valid() else ""
    return render(
        request,
        "audits/schedule.html",
        {
            "form": form,
            "types": page.types,
            "rows": rows_html(page, wanted_state=state),
            "due_count": page.due_count,
            "query": request.GET.urlencode(),
        },
    )


ACTIONS_PER_PAGE = 50


@trust_role_required()
def schedule_export(request):
    """The schedule as the filters leave it, one row per school and audit type."""
    form = ScheduleFilterForm(request.GET or None)
    schools = School.objects.visible_to(request.user).order_by("name")
    page = schedule_page(schools=schools, form=form, today=timezone.localdate())
    fmt = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    return spreadsheet_response("audit-schedule", SCHEDULE_EXPORT_HEADERS, export_rows(page), fmt)


@trust_role_required()
def actions(request):
    """Every action across the trust, outstanding first (soonest due first), 50 a page; the filters are
    kept from page to page and in the export."""
    today = timezone.localdate()
    filters = request.GET.copy()
    filters.pop("page", None)
    form = ActionFilterForm(filters or None)
    listed = filtered_actions(_actions_queryset(request.user), form, today=today).order_by(
        F("closed_on").asc(nulls_first=True), "due_on", "pk"
    )
    page = Paginator(_with_reports(listed), ACTIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "audits/actions.html",
        {
            "form": form,
            "actions": page,
            "page": page,
            "today": today,
            "query": filters.urlencode(),
            "awaiting_check_count": AuditAction.objects.filter(status__in=AWAITING_CHECK).count(),
            "is_cm": is_compliance_manager(request.user),
        },
    )


@trust_role_required()
def actions_export(request):
    form = ActionFilterForm(request.GET or None)
    listed = filtered_actions(_actions_queryset(request.user), form, today=timezone.localdate())
    return _export(listed, filename="audit-actions", fmt=request.GET.get("format"))


@trust_role_required()
def grid(request):
    today = timezone.localdate()
    schools = list(School.objects.visible_to(request.user).order_by("name"))
    types, counts = action_counts_grid(schools=schools, today=today)
    rows = grid_rows_html(schools=schools, types=types, counts=counts)
    return render(request, "audits/grid.html", {"types": types, "rows": rows})


@appointment_required
def school_actions(request, urn):
    """A school's audit actions (the CEO letter links here), its audit schedule and its audits."""
    school = get_for_user(School.objects, request.user, urn=urn)
    today = timezone.localdate()
    listed = _with_reports(
        _actions_queryset(request.user)
        .filter(audit__school=school)
        .order_by(F("closed_on").asc(nulls_first=True), "due_on")  # outstanding first, soonest due first
    )
    plan = schedule_for(schools=[school], today=today)[school.pk]
    return render(
        request,
        "audits/school_actions.html",
        {
            "school": school,
            "actions": listed,
            "today": today,
            "schedule": [(row, row.state(today)) for row in plan],
            "audits": school.audits.select_related("audit_type").order_by("-carried_out_on")[:50],
            "is_head": school.pk in reporting_school_ids(request.user),
            "is_cm": is_compliance_manager(request.user),
        },
    )


@appointment_required
def school_actions_export(request, urn):
    school = get_for_user(School.objects, request.user, urn=urn)
    listed = _actions_queryset(request.user).filter(audit__school=school)
    return _export(listed, filename=f"audit-actions-{school.urn}", fmt=request.GET.get("format"))
