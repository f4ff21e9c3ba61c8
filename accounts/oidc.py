"""Sign in with Microsoft (OpenID Connect through mozilla-django-oidc), off unless configured.

A person is matched by the verified email in their ID token to an account that already exists; signing in
never creates one (appointments decide access). The identity provider's sign-in counts as the second factor
only when the ID token's `amr` (authentication methods) says multi-factor was used; otherwise the portal
asks for its own.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import redirect
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

# Set in the session when the identity provider said it used multi-factor authentication.
SECOND_FACTOR_BY_IDENTITY_PROVIDER = "portal_second_factor_by_identity_provider"
TRUE_VALUES = {True, "1", "true", "True"}


def _email_verified(claims) -> bool:
    # Standard OIDC says `email_verified`; Microsoft Entra ID says `xms_edov` (the email's domain is
    # verified by the tenant that owns it), sent when added as an optional claim.
    return claims.get("email_verified") in TRUE_VALUES or claims.get("xms_edov") in TRUE_VALUES


class MicrosoftBackend(OIDCAuthenticationBackend):
    def get_userinfo(self, access_token, id_token, payload):
        # The user-info endpoint may add claims; the ID token's, signed and already checked, win.
        return {**super().get_userinfo(access_token, id_token, payload), **payload}

    def verify_claims(self, claims):
        return bool(claims.get("email")) and _email_verified(claims)

    def filter_users_by_claims(self, claims):
        # An invited person who has not used their invitation yet cannot sign in, by any route.
        users = get_user_model().objects.filter(email__iexact=claims["email"].strip(), is_active=True)
        return [user for user in users if user.has_usable_password()]

    def create_user(self, claims):
        return None  # never: only an appointment makes an account

    def update_user(self, user, claims):
        return user

    def get_or_create_user(self, access_token, id_token, payload):
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is not None:
            amr = payload.get("amr") or []
            user.portal_mfa_by_identity_provider = "mfa" in (amr if isinstance(amr, list) else [amr])
        return user


class _OnlyWhenOn:
    def dispatch(self, request, *args, **kwargs):
        if not settings.MICROSOFT_SIGN_IN:
            raise Http404("Sign in with Microsoft is not switched on.")
        return super().dispatch(request, *args, **kwargs)


class MicrosoftSignInView(_OnlyWhenOn, OIDCAuthenticationRequestView):
    pass


class MicrosoftCallbackView(_OnlyWhenOn, OIDCAuthenticationCallbackView):
    def login_failure(self):
        messages.error(
            self.request,
            "Microsoft did not sign you in to the portal: no account here has that verified email "
            "address, or the account is not set up yet. Ask the trust's central team.",
        )
        return redirect("accounts:login")

    def login_success(self):
        response = super().login_success()
        if getattr(self.user, "portal_mfa_by_identity_provider", False):
            self.request.session[SECOND_FACTOR_BY_IDENTITY_PROVIDER] = True
        return response
