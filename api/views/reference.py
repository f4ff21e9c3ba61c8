from django.shortcuts import render
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import AllowAny

from schools.access import trust_role_required

from ..reference import api_schema, operations


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema. Open to all: it describes the API and holds none of the trust's data, and a
    supplier building a client (the finance system's, the MIS's) needs it before any token exists."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []


@trust_role_required()
def reference(request):
    """The API reference in the portal's own style, rendered from the schema (no script, nothing fetched)."""
    schema = api_schema()
    return render(
        request,
        "api/reference.html",
        {"info": schema["info"], "operations": operations()},
    )
