"""One action: its whole thread, and the moves (the head reports; the compliance manager closes or
reopens). Each POST is one service call."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.services import DOWNLOADED, access_record_create
from audits.forms import CloseForm, ReopenForm, ReportDoneForm, ReportNotActionedForm
from audits.models import ALLOWED_MOVES, ActionEvent, ActionStatus
from audits.permissions import (
    may_close,
    may_reopen,
    may_report,
    require_close,
    require_reopen,
    require_report,
)
from audits.services import (
    audit_action_close,
    audit_action_reopen,
    audit_action_report_done,
    audit_action_report_not_actioned,
)
from audits.views.common import (
    action_for,
    add_service_error,
)
from schools.access import appointment_required, get_for_user
from trust_portal.next_url import local_next
from trust_portal.uploads import protected_file_response


@appointment_required
def action_detail(request, pk):
    action = action_for(request, pk)
    moves = ALLOWED_MOVES.get(action.status, set())
    return render(
        request,
        "audits/action_detail.html",
        {
            "action": action,
            "events": action.events.select_related("by"),
            "today": timezone.localdate(),
            "can_report": may_report(request.user, action) and ActionStatus.REPORTED_DONE in moves,
            "can_close": may_close(request.user, action) and ActionStatus.CLOSED in moves,
            "can_reopen": may_reopen(request.user, action) and ActionStatus.REOPENED in moves,
        },
    )


def _move(request, pk, *, form_class, service, check, success, template_title, initial=None):
    action = action_for(request, pk)
    check(request.user, action)
    form = form_class(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            service(action=action, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, success)
            # Back where the person acted from (a list, the to-do page), or the action's own page.
            return redirect(local_next(request, reverse("audits:action_detail", args=[action.pk])))
    return render(
        request,
        "audits/action_move.html",
        {"action": action, "form": form, "title": template_title, "next": local_next(request, "")},
    )


@appointment_required
def action_report_done(request, pk):
    return _move(
        request,
        pk,
        form_class=ReportDoneForm,
        service=audit_action_report_done,
        check=require_report,
        success="Reported done. The compliance manager will check it and close it.",
        template_title="Report the action done",
    )


@appointment_required
def action_report_not_actioned(request, pk):
    return _move(
        request,
        pk,
        form_class=ReportNotActionedForm,
        service=audit_action_report_not_actioned,
        check=require_report,
        success="Reported not actioned. The compliance manager will review the reason.",
        template_title="Report that the school will not carry out the action",
    )


@appointment_required
def action_close(request, pk):
    return _move(
        request,
        pk,
        form_class=CloseForm,
        service=audit_action_close,
        check=require_close,
        success="Action closed.",
        template_title="Close the action",
        initial={"closed_on": timezone.localdate()},
    )


@appointment_required
def action_reopen(request, pk):
    return _move(
        request,
        pk,
        form_class=ReopenForm,
        service=audit_action_reopen,
        check=require_reopen,
        success="Action reopened. The owner can see your comment on the action.",
        template_title="Reopen the action",
    )


@appointment_required
def evidence_download(request, pk):
    event = get_for_user(ActionEvent.objects.select_related("action__audit__school"), request.user, pk=pk)
    if not event.evidence:
        raise Http404("No evidence file on this step.")
    access_record_create(
        request=request,
        obj=event.action,
        action=DOWNLOADED,
        school=event.action.audit.school,
        what=f"evidence for audit action {event.action_id}",
    )
    return protected_file_response(event.evidence, download_name=event.evidence_name or "evidence")
