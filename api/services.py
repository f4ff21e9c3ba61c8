"""Integration clients: made, rotated and revoked by the CEO or COO; every call a client makes recorded."""

import hashlib
import secrets
import uuid

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import ApiCall, IntegrationClient
from .permissions import require_manage_clients
from .scopes import Scope

TOKEN_PREFIX = "tp_"
# Client users sign in nowhere: an address in the reserved .invalid domain, and no usable password.
CLIENT_EMAIL_DOMAIN = "integrations.invalid"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def _require_manager(by, doing: str):
    require_manage_clients(by, doing=doing)


def _clean_scopes(scopes) -> list[str]:
    unknown = set(scopes) - set(Scope.values)
    if unknown:
        raise ValidationError(f"Unknown scopes: {', '.join(sorted(unknown))}.")
    if not scopes:
        raise ValidationError("Choose at least one thing the client may do.")
    return sorted(set(scopes))


@transaction.atomic
def integration_client_create(*, name: str, scopes: list[str], by) -> tuple[IntegrationClient, str]:
    """A new client and its token. The token is returned once and only its hash is kept."""
    _require_manager(by, "add integration clients")
    name = name.strip()
    if not name:
        raise ValidationError("Enter the client's name, like Finance system.")
    if IntegrationClient.objects.filter(name__iexact=name).exists():
        raise ValidationError(f"There is already a client called {name}.")
    user = get_user_model()(
        email=f"client-{uuid.uuid4().hex[:16]}@{CLIENT_EMAIL_DOMAIN}", first_name=name[:150], is_active=True
    )
    user.set_unusable_password()
    user.save()
    token = _new_token()
    client = IntegrationClient.objects.create(
        name=name,
        user=user,
        scopes=_clean_scopes(scopes),
        token_hash=token_hash(token),
        token_prefix=token[:10],
        created_by=by,
    )
    return client, token


@transaction.atomic
def integration_client_rotate(*, client: IntegrationClient, by) -> str:
    """A new token for the client; the old one stops working at once."""
    _require_manager(by, "rotate integration tokens")
    client = IntegrationClient.objects.select_for_update().get(pk=client.pk)
    if client.is_revoked:
        raise ValidationError("This client was revoked; add a new client instead.")
    token = _new_token()
    client.token_hash, client.token_prefix = token_hash(token), token[:10]
    client.token_rotated_at = timezone.now()
    client.save(update_fields=["token_hash", "token_prefix", "token_rotated_at"])
    return token


@transaction.atomic
def integration_client_revoke(*, client: IntegrationClient, by) -> IntegrationClient:
    """Stop the client for good: its token is refused from now on. Its record of calls is kept."""
    _require_manager(by, "revoke integration clients")
    client = IntegrationClient.objects.select_for_update().get(pk=client.pk)
    if client.is_revoked:
        raise ValidationError("This client was already revoked.")
    client.revoked_at, client.revoked_by = timezone.now(), by
    client.save(update_fields=["revoked_at", "revoked_by"])
    return client


def api_call_record(*, client: IntegrationClient, method: str, endpoint: str, status: int) -> ApiCall:
    return ApiCall.objects.create(client=client, method=method, endpoint=endpoint[:200], status=status)
