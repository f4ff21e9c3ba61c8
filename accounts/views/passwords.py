"""Forgotten and changed passwords, with Django's own views and tokens (single-use: a reset token is made
from the password hash and last sign-in, so it stops working once used)."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from accounts import mfa
from accounts.forms import PasswordChangeForm, PasswordResetRequestForm, SetPasswordForm
from accounts.models import SignedInSession
from accounts.services import sessions_end_others

BACKEND = "accounts.backends.ThrottledModelBackend"


class PasswordResetView(auth_views.PasswordResetView):
    """The same answer whether or not the address has an account: the next page says an email is on its
    way if it does. Throttled like signing in (PasswordResetRequestForm)."""

    form_class = PasswordResetRequestForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a new password from the emailed link. It signs the person in, ends every other session of
    theirs, and (only here or through an invitation) lets a person with no authenticator app set one up."""

    form_class = SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    post_reset_login = True
    post_reset_login_backend = BACKEND
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        response = super().form_valid(form)
        person = form.user
        sessions_end_others(person=person, keep_session_key=self.request.session.session_key)
        if mfa.authenticator_for(person) is None:
            mfa.enrolment_allow(self.request, person)
        messages.success(self.request, "Your password is changed. You are signed in.")
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """A signed-in person changes their password; their other sessions end."""

    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        old_key = self.request.session.session_key
        response = super().form_valid(form)  # keeps this session signed in, on a new key
        SignedInSession.objects.filter(session_key=old_key).update(
            session_key=self.request.session.session_key
        )
        ended = sessions_end_others(person=form.user, keep_session_key=self.request.session.session_key)
        others = f" You were signed out of {ended} other session(s)." if ended else ""
        messages.success(self.request, f"Your password is changed.{others}")
        return response
