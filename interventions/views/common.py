"""What every intervention page shares: a form page that makes one service call and redirects."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render


def allow(allowed: bool, message: str = "You can see this but not change it."):
    """Read-only people who may see a record get 403 on its actions. The views now call
    `permissions.require_<verb>`; this stays only so branches still using it merge cleanly."""
    if not allowed:
        raise PermissionDenied(message)


def form_page(
    request, *, form, title, school, back, save, success, intro="", button="Save", warning=False, cancel=None
):
    """Show `form`; on a valid POST call `save(cleaned_data)` (one service call) and go `back`
    (a URL, or a function of what the service returned).

    A refusal from the service is shown at the top of the form, with what was typed kept.
    """
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(back(result) if callable(back) else back)
    return render(
        request,
        "interventions/form_page.html",
        {
            "form": form,
            "title": title,
            "school": school,
            "cancel": cancel or back,
            "intro": intro,
            "button": button,
            "warning": warning,
        },
    )
