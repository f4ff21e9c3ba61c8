"""The trust's interventions dashboard, a school's intervention history, and the re-brokerage log."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from categorisation.models import Dimension
from schools.access import appointment_required, get_for_user, trust_role_required
from schools.models import HalfTerm, School
from trust_portal.tabular import requested_format, spreadsheet_response

from .. import forms, permissions, selectors, services
from ..exports import open_interventions_table
from ..models import Frep, ImprovementBoard, InterventionEvent, RecordStatus, Rep, WarningNotice
from ..services.decisions import current_categories
from .common import form_page


@trust_role_required()
def dashboard(request):
    today = timezone.localdate()
    schools = {school.pk: school for school in School.objects.all()}
    missing = selectors.missing_records(school_ids=None, half_term=HalfTerm.objects.current(today))
    return render(
        request,
        "interventions/dashboard.html",
        {
            "today": today,
            "reps": Rep.objects.filter(status=RecordStatus.OPEN).select_related("school", "author"),
            "freps": Frep.objects.filter(status=RecordStatus.OPEN).select_related("school"),
            "notices": WarningNotice.objects.filter(status=RecordStatus.OPEN).select_related("school"),
            "boards": ImprovementBoard.objects.filter(status=RecordStatus.OPEN).select_related("school"),
            "missing": [(schools[m.school_id], m) for m in missing],
            "deadlines": selectors.deadlines_for(on=today),
            "votes_due": selectors.notices_due_a_vote(on=today),
        },
    )


@trust_role_required()
def dashboard_export(request):
    """The dashboard's open REPs, Finance REPs, warning notices and Improvement Boards, a row each, and its
    slipping deadlines."""
    headers, rows = open_interventions_table(request.user, today=timezone.localdate())
    return spreadsheet_response("open-interventions", headers, rows, requested_format(request))


@appointment_required
def school_history(request, urn):
    school = get_for_user(School.objects, request.user, urn=urn)
    return render(
        request,
        "interventions/school_history.html",
        {
            "school": school,
            **selectors.history_for(school=school),
            "events": InterventionEvent.objects.filter(school=school).select_related("by")[:100],
        },
    )


@trust_role_required()
def rebrokerage(request, urn):
    """Deficient: the log of conversations with the LA and DfE. Trust-wide roles read it; the CEO records."""
    school = get_for_user(School.objects, request.user, urn=urn)
    return render(
        request,
        "interventions/rebrokerage.html",
        {
            "school": school,
            "conversations": school.rebrokerage_conversations.select_related("recorded_by"),
            "categories": [
                f"{Dimension(d).label} {level.name}" for d, level in current_categories(school=school).items()
            ],
            "may_write": permissions.may_write_rebrokerage(request.user),
        },
    )


@trust_role_required()
def rebrokerage_add(request, urn):
    school = get_for_user(School.objects, request.user, urn=urn)
    permissions.require_write_rebrokerage(request.user)
    return form_page(
        request,
        form=forms.ConversationForm(request.POST or None),
        title="Record a conversation about re-brokerage",
        school=school,
        back=reverse("interventions:rebrokerage", args=[school.urn]),
        save=lambda data: services.rebrokerage_conversation_record(school=school, by=request.user, **data),
        success="Conversation recorded.",
    )
