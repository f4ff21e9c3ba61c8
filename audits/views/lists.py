"""The lists: the trust's audit schedule, the compliance manager's actions across the trust, the grid of
open and overdue counts, and one school's actions and schedule. Every list has a CSV/XLSX export."""

from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone

from audits.forms import ActionFilterForm
from audits.models import AWAITING_CHECK, AuditAction
from audits.selectors import action_counts_grid, filtered_actions, schedule_for
from schools.access import access_for, appointment_required, get_for_user, trust_role_required
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
]


def _actions_queryset(user):
    return AuditAction.objects.visible_to(user).select_related("audit__school", "audit__audit_type", "owner")


def _export(actions, *, filename, fmt):
    today = timezone.localdate()
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
        ]
        for a in actions
    )
    return spreadsheet_response(filename, EXPORT_HEADERS, rows, "xlsx" if fmt == "xlsx" else "csv")


@trust_role_required()
def schedule(request):
    """The compliance manager's landing page: every school's audits, last carried out and next due."""
    today = timezone.localdate()
    schools = list(School.objects.visible_to(request.user).order_by("name"))
    plan = schedule_for(schools=schools, today=today)
    rows = [(school, [(row, row.state(today)) for row in plan[school.pk]]) for school in schools]
    types = [row.audit_type for row in plan[schools[0].pk]] if schools else []
    due = sum(1 for _, cells in rows for _, state in cells if state != "ok")
    return render(
        request,
        "audits/schedule.html",
        {"rows": rows, "types": types, "today": today, "due_count": due},
    )


ACTIONS_PER_PAGE = 50


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
    page = Paginator(listed, ACTIONS_PER_PAGE).get_page(request.GET.get("page"))
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
    rows = [(school, [(t, counts.get((school.pk, t.pk), (0, 0))) for t in types]) for school in schools]
    return render(request, "audits/grid.html", {"types": types, "rows": rows})


@appointment_required
def school_actions(request, urn):
    """A school's audit actions (the CEO letter links here), its audit schedule and its audits."""
    school = get_for_user(School.objects, request.user, urn=urn)
    today = timezone.localdate()
    listed = (
        _actions_queryset(request.user)
        .filter(audit__school=school)
        .order_by(F("closed_on").asc(nulls_first=True), "due_on")  # outstanding first, soonest due first
    )
    plan = schedule_for(schools=[school], today=today)[school.pk]
    access = access_for(request.user)
    return render(
        request,
        "audits/school_actions.html",
        {
            "school": school,
            "actions": listed,
            "today": today,
            "schedule": [(row, row.state(today)) for row in plan],
            "audits": school.audits.select_related("audit_type").order_by("-carried_out_on")[:50],
            "is_head": access.is_head_of(school.pk),
        },
    )


@appointment_required
def school_actions_export(request, urn):
    school = get_for_user(School.objects, request.user, urn=urn)
    listed = _actions_queryset(request.user).filter(audit__school=school)
    return _export(listed, filename=f"audit-actions-{school.urn}", fmt=request.GET.get("format"))
