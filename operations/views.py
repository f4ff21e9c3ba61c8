"""The health endpoint, and the error pages' handlers (which must work with the database gone)."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from operations.health import health_checks

DATABASE_ERRORS = (OperationalError, InterfaceError)


@never_cache
@require_GET
def health(request):
    """{"status": "ok"|"unavailable", "checks": {part: "ok"|"unavailable"}}, 200 or 503. No detail."""
    checks = health_checks()
    ok = all(checks.values())
    return JsonResponse(
        {
            "status": "ok" if ok else "unavailable",
            "checks": {part: "ok" if up else "unavailable" for part, up in checks.items()},
        },
        status=200 if ok else 503,
    )


def _plain(template: str, status: int) -> HttpResponse:
    # Rendered without the request: no context processor, so no query, no session, no user.
    response = HttpResponse(loader.get_template(template).render(), status=status)
    if status == 503:
        response["Retry-After"] = "60"
    return response


def database_unavailable() -> HttpResponse:
    return _plain("503.html", 503)


def server_error(request):
    """Django's handler500: a database that cannot be reached is a 503 page, anything else the 500."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable()
    return _plain("500.html", 500)
