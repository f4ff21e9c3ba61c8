import re

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from accounts.models import User
from accounts.throttle import (
    client_ip,
    sign_in_attempt_take,
    sign_in_failure_record,
    sign_in_wait,
    wait_in_words,
)
from schools.models import School


class _ThrottleMessage:
    """Says plainly why a sign-in is refused while the account or address is cooling off."""

    def clean(self):
        email = self.cleaned_data.get("username")
        wait = email and sign_in_wait(email=email, ip_address=client_ip(self.request))
        if wait:
            raise ValidationError(
                f"There have been too many wrong passwords for this account. Wait {wait_in_words(wait)} "
                "and try again, or ask the trust's central team to reset your password.",
                code="locked",
            )
        return super().clean()


class SignInForm(_ThrottleMessage, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "The email address or password is not right. Check them and try again.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"


class BackOfficeSignInForm(_ThrottleMessage, AdminAuthenticationForm):
    pass


class AuthenticatorCodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6 digits your app shows for this portal, like 123456.",
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": "Enter the 6-digit code from your authenticator app, like 123456."},
    )

    def clean_code(self):
        code = re.sub(r"\s", "", self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}", code):
            raise ValidationError("Enter the code as 6 digits, like 123456.")
        return code


class RecoveryCodeForm(forms.Form):
    code = forms.CharField(
        label="Recovery code",
        help_text="One of the recovery codes you saved when you set up two-factor authentication. Each "
        "works once.",
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": "Enter one of your recovery codes."},
    )

    def clean_code(self):
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"]).lower()
        if not re.fullmatch(r"[a-z2-7]{8}", code):
            raise ValidationError("A recovery code is 8 letters and digits, like abcd2345.")
        return code


class EndSessionsForm(forms.Form):
    person = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True).order_by("last_name", "first_name", "email"),
        label="Person",
        empty_label="Choose a person",
        error_messages={"required": "Choose the person whose sessions to end."},
    )
    reason = forms.CharField(
        label="Why",
        max_length=200,
        help_text="For the record, like 'Left the trust on 31 March 2026'.",
        error_messages={"required": "Say why you are ending their sessions, like 'Left the trust'."},
    )
    close_account = forms.BooleanField(
        label="Also close their account so they cannot sign in again", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].label_from_instance = lambda person: f"{person.display_name} ({person.email})"


ACTIONS = [("", "Any"), ("viewed", "Viewed"), ("downloaded", "Downloaded")]


class AccessRecordFilterForm(forms.Form):
    person = forms.CharField(label="Person's email contains", required=False, max_length=254)
    school = forms.ModelChoiceField(
        queryset=School.objects.order_by("name"), required=False, empty_label="Any"
    )
    action = forms.ChoiceField(choices=ACTIONS, required=False)
    since = forms.DateField(
        label="From",
        required=False,
        help_text="Like 27/3/2026",
        error_messages={"invalid": "Enter the first day as a date, like 27/3/2026."},
    )
    until = forms.DateField(
        label="To",
        required=False,
        help_text="Like 27/3/2026",
        error_messages={"invalid": "Enter the last day as a date, like 27/3/2026."},
    )

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", "The last day must be on or after the first day.")
        return cleaned


class PasswordResetRequestForm(auth_forms.PasswordResetForm):
    """Asks for the address to send a reset link to. Each request counts as a sign-in attempt for that
    address from this computer, so the link cannot be used to flood anyone's inbox or probe accounts."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Enter your email address, like name@school.example.",
            "invalid": "Enter an email address in the right form, like name@school.example.",
        },
    )

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if email:
            ip_address = client_ip(self.request)
            # Counted like a wrong password, taken atomically before anything is sent.
            if not sign_in_attempt_take(email=email, ip_address=ip_address):
                wait = sign_in_wait(email=email, ip_address=ip_address)
                raise ValidationError(
                    f"There have been too many attempts for this address or from this computer. Wait "
                    f"{wait_in_words(wait)} and try again.",
                    code="locked",
                )
            sign_in_failure_record(email=email, ip_address=ip_address)
        return cleaned


def _new_password_fields(form):
    form.fields["new_password1"].label = "New password"
    form.fields["new_password1"].help_text = "At least 12 characters. A few unrelated words work well."
    form.fields["new_password2"].label = "New password again"
    form.fields["new_password1"].error_messages["required"] = "Enter a new password."
    form.fields["new_password2"].error_messages["required"] = "Enter the new password again."
    form.error_messages = {
        **form.error_messages,
        "password_mismatch": "The two passwords are not the same. Enter them again.",
    }


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_password_fields(self)


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_password_fields(self)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].error_messages["required"] = "Enter your current password."
        self.error_messages = {
            **self.error_messages,
            "password_incorrect": "Your current password is not right. Enter it again.",
        }
