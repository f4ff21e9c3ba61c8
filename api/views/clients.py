"""The CEO's and COO's pages for integration clients: add, see the calls, rotate and revoke."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from schools.access import permission_required

from ..forms import IntegrationClientForm
from ..models import IntegrationClient
from ..permissions import may_manage_clients
from ..scopes import Scope
from ..services import (
    integration_client_create,
    integration_client_revoke,
    integration_client_rotate,
)

CALLS_SHOWN = 100
managers_only = permission_required(may_manage_clients, "This page is for trust-wide roles only.")


def _token_page(request, client, token):
    """The token, shown this once; never cached, never put in the session or a message."""
    return render(request, "api/client_token.html", {"client": client, "token": token})


@managers_only
def client_list(request):
    clients = IntegrationClient.objects.select_related("created_by").order_by("revoked_at", "name")
    return render(request, "api/client_list.html", {"clients": clients})


@never_cache
@managers_only
def client_add(request):
    form = IntegrationClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            client, token = integration_client_create(
                name=form.cleaned_data["name"], scopes=form.cleaned_data["scopes"], by=request.user
            )
        except ValidationError as error:
            form.add_error("name", error)
        else:
            return _token_page(request, client, token)
    return render(request, "api/client_form.html", {"form": form})


@managers_only
def client_detail(request, pk):
    client = get_object_or_404(IntegrationClient.objects.select_related("created_by", "revoked_by"), pk=pk)
    scopes = [Scope(scope) for scope in client.scopes if scope in Scope.values]
    calls = client.calls.all()[:CALLS_SHOWN]
    return render(request, "api/client_detail.html", {"client": client, "scopes": scopes, "calls": calls})


@never_cache
@require_POST
@managers_only
def client_rotate(request, pk):
    client = get_object_or_404(IntegrationClient, pk=pk)
    try:
        token = integration_client_rotate(client=client, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("integrations:client", pk=client.pk)
    return _token_page(request, client, token)


@require_POST
@managers_only
def client_revoke(request, pk):
    client = get_object_or_404(IntegrationClient, pk=pk)
    try:
        integration_client_revoke(client=client, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{client} was revoked: its token no longer works.")
    return redirect("integrations:client", pk=client.pk)
