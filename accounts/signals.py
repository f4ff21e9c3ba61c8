"""Sign-in bookkeeping: failed attempts for the throttle, and each open session so it can be ended."""

import time

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from accounts.models import SignedInSession
from accounts.throttle import client_ip, sign_in_failure_record, sign_in_failures_clear

SIGNED_IN_AT = "portal_signed_in_at"
LAST_SEEN = "portal_last_seen"


@receiver(user_login_failed)
def record_failed_sign_in(sender, credentials, request=None, **kwargs):
    email = credentials.get("username") or credentials.get("email") or ""
    sign_in_failure_record(email=email, ip_address=client_ip(request))


@receiver(user_logged_in)
def start_signed_in_session(sender, request, user, **kwargs):
    sign_in_failures_clear(email=user.email, ip_address=client_ip(request))
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now
    if request.session.session_key is None:
        request.session.save()
    SignedInSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={"person": user, "ip_address": client_ip(request)},
    )


@receiver(user_logged_out)
def end_signed_in_session(sender, request, user, **kwargs):
    if request is not None and request.session.session_key:
        SignedInSession.objects.filter(session_key=request.session.session_key).delete()
