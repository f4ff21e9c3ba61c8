from django import forms

from trust_portal.fields import date_field

from .models import Choice, Dimension, FinanceFigures, Level

MONEY_HINT = "In pounds, like 44000. Put a minus sign in front of a deficit, like -12000."


class FinanceFiguresForm(forms.ModelForm):
    class Meta:
        model = FinanceFigures
        fields = [
            "budget_balanced_3_years",
            "predicted_in_year_outturn",
            "predicted_carry_forward",
            "carry_forward_target",
            "gag",
            "reserves",
        ]
        labels = {
            "budget_balanced_3_years": "The working budget balances for 3 years",
            "predicted_in_year_outturn": "Predicted in-year outturn",
            "predicted_carry_forward": "Predicted cumulative outturn at 31 August (carry forward)",
            "carry_forward_target": "Carry-forward target",
            "gag": "GAG (General Annual Grant) for the year",
            "reserves": "Reserves",
        }
        help_texts = {
            "predicted_in_year_outturn": MONEY_HINT,
            "predicted_carry_forward": MONEY_HINT,
            "carry_forward_target": "In pounds, like 50000.",
            "gag": "In pounds, like 1250000.",
            "reserves": "In pounds, like 62500.",
        }
        error_messages = {
            name: {
                "required": f"Enter the {label}, in pounds, like 44000.",
                "invalid": f"Enter the {label} as a number of pounds, like 44000.",
            }
            for name, label in {
                "predicted_in_year_outturn": "predicted in-year outturn",
                "predicted_carry_forward": "predicted carry forward",
                "carry_forward_target": "carry-forward target",
                "gag": "GAG",
                "reserves": "reserves",
            }.items()
        }

    def clean_gag(self):
        gag = self.cleaned_data["gag"]
        if gag <= 0:
            raise forms.ValidationError("Enter the GAG as a positive number of pounds, like 1250000.")
        return gag


class LevelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, level):
        return f"{level.get_dimension_display()}: {level.name} ({level.label})"


class VoteOpenForm(forms.Form):
    proposed_level = LevelChoiceField(
        queryset=Level.objects.none(),
        label="Proposed category",
        empty_label="Choose the proposed category",
        error_messages={"required": "Choose the category the vote proposes."},
    )
    motion = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Why the move is proposed: the evidence the panel will weigh.",
        error_messages={"required": "Write the motion: why the move is proposed."},
    )
    closes_on = date_field(
        "Closing date",
        hint="The panel votes by this date. From it the vote may close if the quorum has voted; it "
        "closes sooner once every member has voted.",
    )

    my_vote = forms.ChoiceField(
        label="Your own vote",
        choices=[("", "Not now: I will vote from the vote's page")] + Choice.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text="You sit on the panel: record your vote as you open it, or later with the others.",
    )

    def __init__(self, *args, dimension=None, **kwargs):
        """`dimension` (from a refused move) offers only that dimension's levels."""
        super().__init__(*args, **kwargs)
        levels = Level.objects.active().order_by("dimension", "position")
        if dimension in Dimension.values:
            levels = levels.filter(dimension=dimension)
        self.fields["proposed_level"].queryset = levels


class VoteStepAsideForm(forms.Form):
    declared_interest = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Your interest",
        help_text="Stepping aside is recorded with the vote: you do not vote and are out of the quorum.",
        error_messages={"required": "Say what your interest is: it is recorded with the vote."},
    )


class VoteWithdrawForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why the vote is withdrawn",
        error_messages={"required": "Give the reason the vote is withdrawn."},
    )


class VoteCastForm(forms.Form):
    choice = forms.ChoiceField(
        choices=Choice.choices,
        widget=forms.RadioSelect,
        label="Your vote",
        error_messages={"required": "Choose for, against or abstain."},
    )
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    declared_interest = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Declared interest",
        help_text="Any interest you declare in this decision (the Nolan principles: openness and honesty).",
    )
