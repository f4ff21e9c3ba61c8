"""The CEO's and COO's people pages: who holds which role, appointing, ending appointments, invitations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from accounts import invitations, people, selectors
from accounts.forms_people import AppointForm, EndAppointmentForm, first_error
from accounts.models import User
from accounts.permissions import may_manage_people
from schools.access import permission_required
from schools.models import Appointment

managers_only = permission_required(may_manage_people, "This page is for trust-wide roles only.")
PEOPLE_PER_PAGE = 50


@require_GET
@managers_only
def people_list(request):
    page = Paginator(selectors.people_with_appointments(), PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "accounts/people.html", {"people": page, "page": page})


@managers_only
def person_appoint(request):
    form = AppointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            appointment = people.person_appoint(by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, first_error(error))
        else:
            person = appointment.person
            invited = " and sent them an invitation" if not person.has_usable_password() else ""
            messages.success(
                request, f"Appointed {person.display_name} as {appointment.get_role_display()}{invited}."
            )
            return redirect("accounts:people")
    return render(request, "accounts/person_appoint.html", {"form": form})


@managers_only
def appointment_end(request, pk):
    appointment = get_object_or_404(Appointment.objects.select_related("person", "school"), pk=pk)
    form = EndAppointmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            people.appointment_end(
                appointment=appointment, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, first_error(error))
        else:
            messages.success(request, f"Ended {appointment}. They have been signed out.")
            return redirect("accounts:people")
    return render(request, "accounts/appointment_end.html", {"form": form, "appointment": appointment})


@require_POST
@managers_only
def invitation_resend(request, pk):
    person = get_object_or_404(User, pk=pk)
    try:
        invitations.invitation_send(person=person, by=request.user)
    except ValidationError as error:
        messages.error(request, first_error(error))
    else:
        messages.success(
            request, f"Sent {person.display_name} a new invitation; the old link no longer works."
        )
    return redirect("accounts:people")


@require_POST
@managers_only
def invitation_revoke(request, pk):
    person = get_object_or_404(User, pk=pk)
    if invitations.invitation_revoke(person=person, by=request.user):
        messages.success(request, f"Revoked {person.display_name}'s invitation: the link no longer works.")
    else:
        messages.error(request, f"{person.display_name} has no open invitation to revoke.")
    return redirect("accounts:people")
