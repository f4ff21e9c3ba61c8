"""The school reports progress on a FREP directive or a notice target; the trust accepts or returns it."""

from django.urls import reverse

from schools.access import appointment_required, get_for_user

from .. import forms, permissions, services
from ..models import FrepDirective, NoticeTarget
from .common import form_page

KINDS = {
    "directive": (FrepDirective, "frep__school", lambda item: ("interventions:frep_detail", item.frep_id)),
    "target": (NoticeTarget, "notice__school", lambda item: ("interventions:notice_detail", item.notice_id)),
}


def _load(request, kind, pk):
    model, related, detail = KINDS[kind]
    item = get_for_user(model.objects.select_related(related), request.user, pk=pk)
    name, record_id = detail(item)
    school = item.frep.school if kind == "directive" else item.notice.school
    return item, school, reverse(name, args=[record_id])


def _report(request, pk, kind):
    item, school, back = _load(request, kind, pk)
    permissions.require_report_progress(request.user, item)
    return form_page(
        request,
        form=forms.ProgressForm(request.POST or None, initial={"progress": item.progress}),
        title="Report progress",
        school=school,
        back=back,
        save=lambda data: services.target_progress_report(item=item, by=request.user, **data),
        success="Progress reported. The trust will check it.",
        intro=item.text + (f"\n\nReturned by the trust: {item.returned_note}" if item.returned_note else ""),
        button="Report progress",
    )


def _check(request, pk, kind):
    item, school, back = _load(request, kind, pk)
    permissions.require_check_progress(request.user, item)

    def save(data):
        if data["decision"] == "accept":
            return services.target_progress_accept(item=item, by=request.user)
        return services.target_progress_return(item=item, note=data["note"], by=request.user)

    done = f" (done {item.done_on:%-d %B %Y})" if item.done_on else ""
    return form_page(
        request,
        form=forms.ProgressCheckForm(request.POST or None),
        title="Check the school's report",
        school=school,
        back=back,
        save=save,
        success="Report checked.",
        intro=f"{item.text}\n\nThe school reported{done}: {item.progress or 'nothing yet'}",
        button="Save the check",
    )


@appointment_required
def frep_directive_report(request, pk):
    return _report(request, pk, "directive")


@appointment_required
def frep_directive_check(request, pk):
    return _check(request, pk, "directive")


@appointment_required
def notice_target_report(request, pk):
    return _report(request, pk, "target")


@appointment_required
def notice_target_check(request, pk):
    return _check(request, pk, "target")
