from django import forms

from trust_portal.fields import date_field

from .models import PackKind


class PackForm(forms.Form):
    kind = forms.ChoiceField(
        label="Meeting",
        choices=PackKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the meeting the pack is for."},
    )
    meeting_on = date_field("Date of the meeting")
