"""The trust's settings page for the CEO: the letterhead logo the CEO letters print."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from .access import permission_required
from .letterhead import logo_data_uri
from .models import Trust
from .permissions import may_change_letterhead
from .services import LOGO_MAX_BYTES, trust_logo_remove, trust_logo_set


class LogoForm(forms.Form):
    logo = forms.FileField(
        label="Letterhead logo",
        help_text=f"A PNG or JPEG under {LOGO_MAX_BYTES // (1024 * 1024)} MB. It is printed at the top of "
        "every CEO letter, with the trust's name as its text alternative; large images are scaled down.",
        error_messages={"required": "Choose a PNG or JPEG file for the logo."},
    )


@permission_required(may_change_letterhead, "Only the CEO can change the trust's letterhead.")
def trust_settings(request):
    trust = Trust.objects.get_current()
    form = LogoForm()
    if request.method == "POST" and "remove" in request.POST:
        trust_logo_remove(trust=trust, actor=request.user)
        messages.success(request, "Logo removed. Letters not yet issued print the trust's name alone.")
        return redirect("schools:trust_settings")
    if request.method == "POST":
        form = LogoForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                trust_logo_set(trust=trust, upload=form.cleaned_data["logo"], actor=request.user)
            except ValidationError as error:
                form.add_error("logo", error)
            else:
                messages.success(request, "Logo saved. Letters not yet issued now print it.")
                return redirect("schools:trust_settings")
    return render(
        request,
        "schools/trust_settings.html",
        {"trust": trust, "form": form, "logo": logo_data_uri(trust.logo.name)},
    )
