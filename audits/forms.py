from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from audits.models import ActionStatus, AuditType, Priority
from schools.models import Appointment, School
from schools.roles import HEAD_ROLES
from trust_portal.fields import date_field
from trust_portal.uploads import validate_upload


class EvidenceField(forms.FileField):
    """An upload checked by type, size and content; the message says what is allowed."""

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            validate_upload(upload)
        return upload


class AuditForm(forms.Form):
    school = forms.ModelChoiceField(
        queryset=School.objects.order_by("name"), error_messages={"required": "Choose the school"}
    )
    audit_type = forms.ModelChoiceField(
        label="Type of audit",
        queryset=AuditType.objects.filter(is_active=True),
        error_messages={"required": "Choose the type of audit"},
    )
    carried_out_on = date_field("Date of the audit")
    auditor = forms.CharField(label="Auditor", max_length=200, required=False, help_text="Who carried it out")
    report = EvidenceField(
        label="Audit report",
        required=False,
        help_text="PDF, Word, Excel or an image, smaller than 10 MB",
    )


def owner_choices_queryset(school):
    """People who may own a school's action: its current heads first, then anyone appointed there."""
    people = Appointment.objects.current().filter(school=school).values_list("person_id", flat=True)
    return get_user_model().objects.filter(pk__in=people, is_active=True)


class ActionForm(forms.Form):
    description = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the school must do, as the audit report puts it",
        error_messages={"required": "Enter what the school must do"},
    )
    priority = forms.ChoiceField(choices=Priority.choices, error_messages={"required": "Choose the priority"})
    due_on = date_field("Due date")
    owner = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        help_text="Usually the head",
        error_messages={"required": "Choose who owns the action"},
    )

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owner_choices_queryset(school)
        head = (
            Appointment.objects.current()
            .filter(school=school, role__in=HEAD_ROLES)
            .values_list("person_id", flat=True)
            .first()
        )
        if head and not self.is_bound:
            self.initial.setdefault("owner", head)


class ReportDoneForm(forms.Form):
    actions_taken = forms.CharField(
        label="Actions taken",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what actions the school took"},
    )
    outcome = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), error_messages={"required": "Say what the outcome was"}
    )
    completed_on = date_field("Completion date")
    evidence = EvidenceField(
        required=False,
        help_text="A certificate, photo or report: PDF, Word, Excel or an image, smaller than 10 MB. "
        "High-priority actions are closed only with evidence.",
    )


class ReportNotActionedForm(forms.Form):
    reason = forms.CharField(
        label="Why the school decided not to act",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Give the reason the school decided not to carry out this action"},
    )


class CloseForm(forms.Form):
    closed_on = date_field("Closure date")
    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    evidence = EvidenceField(
        required=False,
        help_text="Only if you hold evidence the school did not send (needed for a high-priority action).",
    )


class ReopenForm(forms.Form):
    comment = forms.CharField(
        label="Why you are reopening it",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The school sees this: say what is still needed",
        error_messages={"required": "Say why the action is reopened and what the school still needs to do"},
    )
    due_on = date_field("New due date", required=False, hint="Leave empty to keep the current due date")


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet of audit actions",
        help_text="A .csv or .xlsx file laid out like the template",
        error_messages={"required": "Choose a .csv or .xlsx file to import"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise ValidationError("Upload a .csv or .xlsx file.")
        if upload.size > 5 * 1024 * 1024:
            raise ValidationError("The file must be smaller than 5 MB.")
        return upload


class ActionFilterForm(forms.Form):
    """The compliance manager's filters; all optional."""

    school = forms.ModelChoiceField(queryset=School.objects.order_by("name"), required=False)
    audit_type = forms.ModelChoiceField(label="Type", queryset=AuditType.objects.all(), required=False)
    status = forms.ChoiceField(choices=[("", "Any")] + ActionStatus.choices, required=False)
    priority = forms.ChoiceField(choices=[("", "Any")] + Priority.choices, required=False)
    overdue = forms.BooleanField(label="Overdue only", required=False)
    awaiting_check = forms.BooleanField(label="Reported, awaiting a check", required=False)
