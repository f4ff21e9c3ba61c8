"""Recording audits and their actions by hand (the compliance manager), and the audit page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from accounts.services import DOWNLOADED, access_record_create
from audits import services
from audits.forms import ActionForm, AuditForm
from audits.models import Audit
from audits.permissions import may_record, require_record
from audits.views.common import add_service_error
from schools.access import appointment_required, get_for_user, trust_role_required
from schools.models import School
from trust_portal.uploads import protected_file_response


@trust_role_required()
def audit_create(request):
    require_record(request.user)
    initial = {}
    if request.GET.get("urn"):
        initial["school"] = School.objects.filter(urn=request.GET["urn"]).first()
    form = AuditForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            audit = services.audit_create(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{audit} recorded. Now add the actions it left the school.")
            return redirect("audits:audit_detail", pk=audit.pk)
    return render(request, "audits/audit_form.html", {"form": form})


def _audit_for(request, pk):
    return get_for_user(
        Audit.objects.select_related("school", "audit_type", "recorded_by"), request.user, pk=pk
    )


@appointment_required
def audit_detail(request, pk):
    audit = _audit_for(request, pk)
    return render(
        request,
        "audits/audit_detail.html",
        {
            "audit": audit,
            "actions": audit.actions.select_related("owner"),
            "can_record": may_record(request.user, audit),
        },
    )


@appointment_required
def report_download(request, pk):
    audit = _audit_for(request, pk)
    if not audit.report:
        raise Http404("This audit has no report file.")
    access_record_create(
        request=request, obj=audit, action=DOWNLOADED, school=audit.school, what=f"{audit} (report)"
    )
    return protected_file_response(audit.report, download_name=audit.report_name or "audit-report")


@appointment_required
def action_create(request, pk):
    audit = _audit_for(request, pk)
    require_record(request.user, audit, doing="record audit actions")
    form = ActionForm(request.POST or None, school=audit.school)
    if request.method == "POST" and form.is_valid():
        try:
            services.audit_action_create(audit=audit, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Action recorded. The owner will be reminded before it is due.")
            if "add_another" in request.POST:
                return redirect("audits:action_create", pk=audit.pk)
            return redirect("audits:audit_detail", pk=audit.pk)
    return render(request, "audits/action_form.html", {"form": form, "audit": audit})
