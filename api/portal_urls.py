"""/integrations/: the portal's pages about the API (signed in, two-factor), never reached by a token."""

from django.urls import path

from .views import clients
from .views.reference import reference

app_name = "integrations"

urlpatterns = [
    path("", clients.client_list, name="clients"),
    path("add/", clients.client_add, name="client_add"),
    path("<int:pk>/", clients.client_detail, name="client"),
    path("<int:pk>/rotate/", clients.client_rotate, name="client_rotate"),
    path("<int:pk>/revoke/", clients.client_revoke, name="client_revoke"),
    path("reference/", reference, name="reference"),
]
