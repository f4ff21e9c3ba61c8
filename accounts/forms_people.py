from django import forms
from django.core.exceptions import ValidationError

from schools.models import School
from schools.roles import SCHOOL_ROLES, Role
from trust_portal.fields import date_field


class AppointForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="Their work address. The invitation is sent here, and they sign in with it.",
        error_messages={
            "required": "Enter their email address, like name@school.example.",
            "invalid": "Enter an email address in the right form, like name@school.example.",
        },
    )
    first_name = forms.CharField(
        label="First name", max_length=150, error_messages={"required": "Enter their first name."}
    )
    last_name = forms.CharField(
        label="Last name", max_length=150, error_messages={"required": "Enter their last name."}
    )
    role = forms.ChoiceField(
        label="Role",
        choices=[("", "Choose a role"), *Role.choices],
        error_messages={"required": "Choose the role they are appointed to."},
    )
    school = forms.ModelChoiceField(
        label="School",
        queryset=School.objects.order_by("name"),
        required=False,
        empty_label="None (a trust-wide role)",
        help_text="For a headteacher, head of school, LSB chair or mentor.",
    )
    starts_on = date_field("Start date")

    def clean(self):
        cleaned = super().clean()
        role, school = cleaned.get("role"), cleaned.get("school")
        if role in SCHOOL_ROLES and school is None:
            self.add_error("school", f"Choose the school for a {Role(role).label}.")
        elif role and role not in SCHOOL_ROLES and school is not None:
            self.add_error("school", f"A {Role(role).label} works across the trust: choose None.")
        return cleaned


class EndAppointmentForm(forms.Form):
    reason = forms.CharField(
        label="Why it ends",
        max_length=150,
        help_text="For the record, like 'Left the trust on 31 March 2026'.",
        error_messages={"required": "Say why the appointment ends, like 'Left the trust'."},
    )


def first_error(error: ValidationError) -> str:
    return error.messages[0] if error.messages else "That could not be saved."
