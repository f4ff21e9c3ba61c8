from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import mfa, services
from accounts.forms import AuthenticatorCodeForm, RecoveryCodeForm
from accounts.views.sign_in import next_url, second_factor_passed

NEW_RECOVERY_CODES = "portal_new_recovery_codes"


def _with_next(url_name, request):
    return f"{reverse(url_name)}?{urlencode({'next': next_url(request)})}"


@login_required
def mfa_setup(request):
    """Set up an authenticator app: a QR code and the key as text, then a code from the app to confirm."""
    verified = request.user.is_verified()
    if mfa.authenticator_for(request.user) is not None:
        if not verified:
            # Someone holding only the password must not swap in their own app.
            return redirect(_with_next("accounts:mfa_verify", request))
        return render(
            request,
            "accounts/mfa_status.html",
            {"recovery_left": _recovery_codes_left(request.user)},
        )
    if not mfa.enrolment_allowed(request, request.user):
        # A password alone does not let anyone set up the first app of an account that must have one.
        return render(request, "accounts/mfa_needs_link.html", status=403)
    device = mfa.pending_authenticator_for(request.user)
    form = AuthenticatorCodeForm(request.POST or None)
    if form.is_valid():
        try:
            codes = services.authenticator_confirm(
                person=request.user, device=device, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            device.refresh_from_db()
            request.session.pop(mfa.ENROLMENT_ALLOWED, None)
            request.session[NEW_RECOVERY_CODES] = codes
            second_factor_passed(request, device)
            messages.success(request, "Two-factor authentication is set up.")
            return redirect(_with_next("accounts:recovery_codes", request))
    return render(
        request,
        "accounts/mfa_setup.html",
        {
            "form": form,
            "qr_svg": mfa.setup_qr_svg(device),
            "setup_key": mfa.setup_key_text(device),
            "issuer": mfa.issuer(),
            "next": next_url(request),
        },
    )


def _recovery_codes_left(user):
    device = mfa.recovery_device_for(user)
    return device.token_set.count() if device else 0


def _verify_page(request, *, device_model, form_class, template):
    if request.user.is_verified():
        return redirect(next_url(request))
    device = device_model.objects.devices_for_user(request.user, confirmed=True).first()
    if device is None:
        return redirect(_with_next("accounts:mfa_setup", request))
    form = form_class(request.POST or None)
    if form.is_valid():
        with transaction.atomic():
            device = device_model.objects.select_for_update().get(pk=device.pk)
            allowed, why = device.verify_is_allowed()
            accepted = allowed and device.verify_token(form.cleaned_data["code"])
        if accepted:
            return second_factor_passed(request, device)
        if not allowed:
            seconds = max(1, int((why["locked_until"] - timezone.now()).total_seconds()) + 1)
            form.add_error("code", f"Too many wrong codes. Wait {seconds} seconds, then try again.")
        else:
            form.add_error("code", "That code is not right. Enter the code your app shows now.")
    return render(request, template, {"form": form, "next": next_url(request)})


@login_required
def mfa_verify(request):
    """The second step of signing in: a code from the person's authenticator app."""
    return _verify_page(
        request,
        device_model=TOTPDevice,
        form_class=AuthenticatorCodeForm,
        template="accounts/mfa_verify.html",
    )


@login_required
def mfa_recovery(request):
    """The second step with a recovery code instead, for someone without their phone."""
    response = _verify_page(
        request, device_model=StaticDevice, form_class=RecoveryCodeForm, template="accounts/mfa_recovery.html"
    )
    if request.method == "POST" and request.user.is_verified():
        left = _recovery_codes_left(request.user)
        messages.warning(
            request,
            f"You used a recovery code; {left} left. Make new ones from your two-factor page if you are "
            "running low.",
        )
    return response


@login_required
def recovery_codes(request):
    """Shows a person's new recovery codes, once."""
    codes = request.session.pop(NEW_RECOVERY_CODES, None)
    if not codes:
        return redirect("accounts:mfa_setup")
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url(request)})


@require_POST
@login_required
def recovery_codes_new(request):
    try:
        request.session[NEW_RECOVERY_CODES] = services.recovery_codes_replace(person=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("accounts:mfa_setup")
    return redirect("accounts:recovery_codes")
