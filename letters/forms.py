from django import forms
from django.utils import timezone

DATE_ERRORS = {"invalid": "Enter a real date, like 27/3/2026."}


class LetterForm(forms.Form):
    dated = forms.DateField(
        label="Date on the letter",
        required=False,
        help_text="Leave it empty to date the letter the day it is issued. Otherwise today or an earlier "
        "date, for example 4/11/2026.",
        error_messages=DATE_ERRORS,
    )
    ceo_text = forms.CharField(
        label="Your letter",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Printed after the front page. Leave a blank line between paragraphs.",
    )

    def clean_dated(self):
        dated = self.cleaned_data["dated"]
        if dated and dated > timezone.localdate():
            raise forms.ValidationError(
                "The date on the letter must be today or in the past: a letter never carries a date that "
                "has not come yet. Leave it empty to date it the day it is issued."
            )
        return dated


class DirectiveForm(forms.Form):
    text = forms.CharField(
        label="What the school must do",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what the school must do."},
    )
    due_on = forms.DateField(
        label="Due date",
        required=False,
        help_text="Optional. For example, 27/3/2027. A directive past its due date counts against the "
        "finance category until it is closed.",
        error_messages=DATE_ERRORS,
    )


class ReportDoneForm(forms.Form):
    what_was_done = forms.CharField(
        label="What was done",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what the school did."},
    )
    done_on = forms.DateField(
        label="Date it was done",
        help_text="For example, 1/12/2026.",
        error_messages={**DATE_ERRORS, "required": "Enter the date it was done, like 1/12/2026."},
    )

    def clean_done_on(self):
        done_on = self.cleaned_data["done_on"]
        if done_on > timezone.localdate():
            raise forms.ValidationError("The date it was done must be today or in the past.")
        return done_on


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason."},
    )
