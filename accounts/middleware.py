"""Per-request sign-in rules: session lifetimes, and the second factor for those who must use one."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device

from accounts.mfa import second_factor_required
from accounts.oidc import SECOND_FACTOR_BY_IDENTITY_PROVIDER
from accounts.signals import LAST_SEEN, SIGNED_IN_AT


# Writing the session on every request would cost a query each time, so the last-seen time is written
# only when it has moved by this much (30 s, or a tenth of a short timeout). It therefore lags the real
# last request by less than that, and the idle check allows for the lag: a person is never signed out
# while they use the portal within the timeout, and is signed out at most this much after it.
def last_seen_precision() -> int:
    return max(1, min(30, int(settings.SESSION_IDLE_TIMEOUT.total_seconds() // 10)))


def _to_sign_in(request, message):
    next_path = request.get_full_path()
    logout(request)
    messages.info(request, message)
    return redirect(f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': next_path})}")


class SessionLifetimeMiddleware:
    """Signs a person out after `SESSION_IDLE_TIMEOUT` without a request, and `SESSION_ABSOLUTE_LIFETIME`
    after they signed in, whatever they are doing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            signed_in_at = request.session.get(SIGNED_IN_AT)
            last_seen = request.session.get(LAST_SEEN, signed_in_at)
            if signed_in_at is None:
                request.session[SIGNED_IN_AT] = request.session[LAST_SEEN] = now
            elif now - signed_in_at > settings.SESSION_ABSOLUTE_LIFETIME.total_seconds():
                return _to_sign_in(request, "You were signed out because you signed in a long time ago.")
            elif now - last_seen > settings.SESSION_IDLE_TIMEOUT.total_seconds() + last_seen_precision():
                minutes = int(settings.SESSION_IDLE_TIMEOUT.total_seconds() // 60)
                return _to_sign_in(
                    request, f"You were signed out after {minutes} minutes without using the portal."
                )
            elif now - last_seen >= last_seen_precision():
                request.session[LAST_SEEN] = now
        return self.get_response(request)


# The pages a person who still owes a second factor may reach.
SECOND_FACTOR_PAGES = {
    "accounts:login",
    "accounts:logout",
    "accounts:mfa_setup",
    "accounts:mfa_verify",
    "accounts:mfa_recovery",
    # A password-reset or invitation link is how a person without an app gets to set one up.
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:invitation",
    "accounts:invitation_accept",
}


class SecondFactorMiddleware:
    """Until a person who must use a second factor has passed it in this session, every page sends them
    to pass it (or to set it up, the first time). Install after django_otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and request.session.get(SECOND_FACTOR_BY_IDENTITY_PROVIDER):
            # Signed in with Microsoft, whose token said multi-factor was used: that is the second factor.
            user.is_verified = lambda: True
        if (
            user.is_authenticated
            and not user.is_verified()
            and not self._second_factor_page(request)
            and second_factor_required(user)
        ):
            target = "accounts:mfa_verify" if user_has_device(user) else "accounts:mfa_setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _second_factor_page(request):
        try:
            return resolve(request.path_info).view_name in SECOND_FACTOR_PAGES
        except Resolver404:
            return False
