from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login

from accounts.forms import SignInForm
from accounts.models import SignedInSession


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "microsoft_sign_in": settings.MICROSOFT_SIGN_IN}


def next_url(request) -> str:
    """Where to go after a sign-in step: the `next` the person came with, if it is on this portal."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}, require_https=False):
        return candidate
    return reverse("home")


def second_factor_passed(request, device):
    """Mark the session as having passed the second factor, on a new session key (the session now carries
    more trust, so a key seen before this point is no longer any use)."""
    old_key = request.session.session_key
    request.session.cycle_key()
    SignedInSession.objects.filter(session_key=old_key).update(session_key=request.session.session_key)
    otp_login(request, device)
    return redirect(next_url(request))
