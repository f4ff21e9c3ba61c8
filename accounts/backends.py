from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from accounts.throttle import client_ip, sign_in_attempt_take


class ThrottledModelBackend(ModelBackend):
    """Email and password; each try is counted before the password is checked, and refused unchecked while
    the account and address pair is locked or the account's delay has not passed (accounts.throttle).

    Being the one backend, it guards every way in: the sign-in page, the back office's login and
    `client.login` alike.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        email = username if username is not None else kwargs.get("email")
        if not sign_in_attempt_take(email=email, ip_address=client_ip(request)):
            # PermissionDenied stops authentication at once; Django then signals user_login_failed.
            raise PermissionDenied("Too many failed sign-in attempts.")
        return super().authenticate(request, username=username, password=password, **kwargs)
