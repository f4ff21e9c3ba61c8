"""Using an invitation: open the emailed link, choose a password, and (for trust-wide roles) go straight on
to set up the authenticator app in the same visit."""

from django.contrib import messages
from django.contrib.auth import login, logout
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from accounts import mfa
from accounts.forms import SetPasswordForm
from accounts.invitations import invitation_accept, invitation_for_token
from accounts.models import Invitation

INVITATION_SESSION_KEY = "portal_invitation_id"
BACKEND = "accounts.backends.ThrottledModelBackend"


def _unusable(request):
    return render(request, "accounts/invitation_unusable.html", status=410)


def invitation_open(request, token):
    """The emailed link. The secret is swapped for a note in the session and the person is sent on to a
    page without it, so it never sits in the address bar or leaks to another site."""
    invitation = invitation_for_token(token)
    if invitation is None:
        return _unusable(request)
    if request.user.is_authenticated:
        logout(request)
    request.session[INVITATION_SESSION_KEY] = invitation.pk
    return redirect("accounts:invitation_accept")


def invitation_accept_page(request):
    invitation_id = request.session.get(INVITATION_SESSION_KEY)
    invitation = Invitation.objects.pending().select_related("person").filter(pk=invitation_id).first()
    if invitation is None:
        return _unusable(request)
    person = invitation.person
    form = SetPasswordForm(person, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = invitation_accept(
                invitation_id=invitation.pk, password=form.cleaned_data["new_password1"]
            )
        except ValidationError:
            return _unusable(request)
        login(request, person, backend=BACKEND)
        if mfa.second_factor_required(person) and mfa.authenticator_for(person) is None:
            mfa.enrolment_allow(request, person)
            messages.success(request, "Your password is set. Now set up your authenticator app.")
            return redirect(f"{reverse('accounts:mfa_setup')}?{urlencode({'next': reverse('home')})}")
        messages.success(request, "Your password is set. Welcome to the portal.")
        return redirect("home")
    return render(request, "accounts/invitation_accept.html", {"form": form, "person": person})
