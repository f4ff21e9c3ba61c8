"""Finance REP pages: write one, set directives, record whether each was met, close."""

from django.shortcuts import render
from django.urls import reverse

from categorisation.models import Dimension, Record
from schools.access import appointment_required, get_for_user
from schools.models import School

from .. import forms, permissions, services
from ..ladder import outcome_choices
from ..models import Frep, FrepDirective
from .common import form_page


def _frep_url(frep_id):
    return reverse("interventions:frep_detail", args=[frep_id])


@appointment_required
def frep_create(request, urn):
    school = get_for_user(School.objects, request.user, urn=urn)
    permissions.require_write_frep(request.user)
    return form_page(
        request,
        form=forms.FrepForm(request.POST or None),
        title="Write a Finance REP",
        school=school,
        back=lambda frep: _frep_url(frep.pk),
        cancel=reverse("schools:detail", args=[school.urn]),
        save=lambda data: services.frep_open(school=school, by=request.user, **data),
        success="Finance REP written. Set its directives and their deadlines.",
    )


@appointment_required
def frep_detail(request, pk):
    frep = get_for_user(Frep.objects.select_related("school", "author"), request.user, pk=pk)
    directives = list(frep.directives.all())
    return render(
        request,
        "interventions/frep_detail.html",
        {
            "frep": frep,
            "school": frep.school,
            "directives": directives,
            "met_in_time": sum(d.met_in_time for d in directives),
            "may_write": permissions.may_write_frep(request.user) and frep.is_open,
            "may_report": permissions.may_report(request.user, frep),
        },
    )


@appointment_required
def frep_directive_add(request, pk):
    frep = get_for_user(Frep.objects.select_related("school"), request.user, pk=pk)
    permissions.require_write_frep(request.user)
    return form_page(
        request,
        form=forms.TargetForm(request.POST or None),
        title="Set a directive",
        school=frep.school,
        back=_frep_url(frep.pk),
        save=lambda data: services.frep_directive_add(frep=frep, by=request.user, **data),
        success="Directive set.",
    )


@appointment_required
def frep_directive_record(request, pk):
    directive = get_for_user(FrepDirective.objects.select_related("frep__school"), request.user, pk=pk)
    permissions.require_write_frep(request.user)
    initial = {"status": directive.status, "met_on": directive.met_on, "note": directive.note}
    return form_page(
        request,
        form=forms.TargetRecordForm(request.POST or None, initial=initial),
        title="Was the directive met?",
        school=directive.frep.school,
        back=_frep_url(directive.frep_id),
        save=lambda data: services.frep_directive_record(directive=directive, by=request.user, **data),
        success="Directive recorded.",
        intro=directive.text,
    )


@appointment_required
def frep_close(request, pk):
    frep = get_for_user(Frep.objects.select_related("school"), request.user, pk=pk)
    permissions.require_write_frep(request.user)
    form_class = forms.outcome_form(
        outcome_choices(dimension=Dimension.FINANCE, record=Record.PLAN),
        help_text="The outcome must match the CEO's/CFO's finance decision.",
    )
    return form_page(
        request,
        form=form_class(request.POST or None),
        title="Close the Finance REP",
        school=frep.school,
        back=_frep_url(frep.pk),
        save=lambda data: services.frep_close(frep=frep, by=request.user, **data),
        success="Finance REP closed.",
        button="Close the Finance REP",
        warning=True,
    )
