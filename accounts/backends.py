from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from accounts.throttle import client_ip, sign_in_locked


class ThrottledModelBackend(ModelBackend):
    """Email and password, refused outright while the account or the address is cooling off.

    Being the one backend, it guards every way in: the sign-in page, the back office's login and
    `client.login` alike.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        email = username if username is not None else kwargs.get("email")
        if sign_in_locked(email=email, ip_address=client_ip(request)):
            # PermissionDenied stops authentication at once; Django then signals user_login_failed.
            raise PermissionDenied("Too many failed sign-in attempts.")
        return super().authenticate(request, username=username, password=password, **kwargs)
