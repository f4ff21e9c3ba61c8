"""Sending a person back to where they came from after a form, without becoming an open redirect."""

from django.utils.http import url_has_allowed_host_and_scheme


def local_next(request, default: str) -> str:
    """The `next` the form was posted with (or the page was opened with), if it is a path on this portal;
    otherwise `default`. No host is allowed, so `https://elsewhere`, `//elsewhere` and `javascript:` are
    all refused."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts=set(), require_https=request.is_secure()
    ):
        return candidate
    return default
