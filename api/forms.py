from django import forms

from .scopes import Scope


class IntegrationClientForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        help_text="The system it is, as the trust calls it, like Finance system or Arbor MIS.",
        error_messages={"required": "Enter the client's name, like Finance system."},
    )
    scopes = forms.MultipleChoiceField(
        label="What it may do",
        choices=[(scope.value, f"{scope.label} ({scope.value})") for scope in Scope],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one thing the client may do."},
    )
