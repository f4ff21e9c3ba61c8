from django import forms

SINGLE, DAILY = "single", "daily"


class EmailPreferenceForm(forms.Form):
    how = forms.ChoiceField(
        label="How do you want to hear when something lands on your desk?",
        choices=[
            (SINGLE, "An email each time (a vote opened, a report returned, an action reopened...)"),
            (DAILY, "One email a day, on weekday mornings, listing everything since the last one"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose an email each time or one email a day."},
    )

    @property
    def daily_digest(self) -> bool:
        return self.cleaned_data["how"] == DAILY
