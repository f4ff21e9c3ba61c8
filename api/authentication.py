"""How a call to /api/ says which client it is: `Authorization: Bearer <token>`, nothing else.

Only the API's views use this class; the portal's pages never read a token, and the API never reads a
session cookie, so neither path opens the other.
"""

from django.conf import settings
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import BasePermission
from rest_framework.throttling import SimpleRateThrottle

from schools.access import Access, access_fix_for_request

from .models import IntegrationClient
from .scopes import acting_roles
from .services import token_hash

# The client a call named, even one whose token was refused, so the call can be recorded against it.
CLIENT_ATTR = "integration_client"


def client_of(request):
    return getattr(getattr(request, "_request", request), CLIENT_ATTR, None)


class ClientTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts:
            return None
        if len(parts) != 2 or parts[0].lower() != b"bearer":
            raise AuthenticationFailed("Send the client's token as: Authorization: Bearer <token>.")
        try:
            token = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed("That token is not valid.") from None
        client = IntegrationClient.objects.select_related("user").filter(token_hash=token_hash(token)).first()
        if client is None:
            raise AuthenticationFailed("That token is not valid: it may have been rotated.")
        setattr(request._request, CLIENT_ATTR, client)
        if client.is_revoked or not client.user.is_active:
            raise AuthenticationFailed("This client's token was revoked.")
        access_fix_for_request(client.user, Access(trust_roles=acting_roles(client.scopes)))
        return client.user, client

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class ClientHasScope(BasePermission):
    """The view names the scope each method needs (`scopes = {"GET": ..., "POST": ...}`).

    A method the view does not have is left to answer 405, but only to a client holding one of the view's
    scopes: any other client learns nothing beyond 403."""

    message = "This client may not do that."

    def has_permission(self, request, view):
        client = request.auth
        if not isinstance(client, IntegrationClient):
            return False
        method = "GET" if request.method == "HEAD" else request.method
        needed = view.scopes.get(method)
        if needed is None:
            return any(scope in client.scopes for scope in view.scopes.values())
        if needed not in client.scopes:
            self.message = f"This client does not have the {needed} scope."
            return False
        return True


class ClientRateThrottle(SimpleRateThrottle):
    """Calls per client (not per address: the finance system may share one with the MIS)."""

    scope = "integration_client"

    def get_rate(self):
        return settings.API_RATE_LIMIT

    def allow_request(self, request, view):
        self.rate = self.get_rate()  # read each call, so a setting changed in a test applies at once
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        client = request.auth
        if not isinstance(client, IntegrationClient):
            return None
        return self.cache_format % {"scope": self.scope, "ident": client.pk}
