"""Form fields shared by the apps."""

from django import forms

DATE_HINT = "For example, 27/3/2026"


class DateInput(forms.DateInput):
    """The browser's date picker. It reads and writes dates as 2026-03-27 whatever the page's locale,
    so the value is rendered in that form (the en-GB input format would leave the picker empty)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def date_field(label, *, required=True, hint=DATE_HINT, **kwargs):
    return forms.DateField(
        label=label,
        required=required,
        help_text=hint,
        widget=DateInput(),
        error_messages={
            "required": f"Enter the {label.lower()}, like 27/3/2026.",
            "invalid": f"Enter the {label.lower()} as a real date, like 27/3/2026.",
        },
        **kwargs,
    )
