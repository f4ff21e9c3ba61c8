"""The forms behind the peer review pages. Each feeds one service call; the service has the last word."""

from django import forms
from django.contrib.auth import get_user_model

from schools.models import Appointment
from trust_portal.fields import date_field

from .services import INTERNAL_CHECK_ROLES, REVIEWER_ROLES, roles_by_person


def text_field(label, *, required=True, rows=4, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter the {label.lower()}."},
    )


class RoleLabelledPeople(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, roles, **kwargs):
        self.role_labels = roles_by_person(roles)
        people = Appointment.objects.current().filter(role__in=roles).values("person_id")
        queryset = get_user_model().objects.filter(pk__in=people, is_active=True)
        super().__init__(queryset=queryset.order_by("last_name", "first_name"), **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.display_name} ({'; '.join(self.role_labels.get(obj.pk, []))})"


class GroupForm(forms.Form):
    reviewers = None
    internal_checkers = None

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"] = RoleLabelledPeople(
            roles=REVIEWER_ROLES,
            label="Reviewers",
            help_text=f"About six, from the trust's heads, heads of school, the CEO and the EHT. {school}'s "
            "head joins as the school lead, and you join as the CEO.",
            required=False,
        )
        self.fields["internal_checkers"] = RoleLabelledPeople(
            roles=INTERNAL_CHECK_ROLES,
            label="Internal checks (optional)",
            help_text="The CFO or the COO, or their delegates, may carry out internal checks on the day.",
            required=False,
        )


class PlanForm(GroupForm):
    review_on = date_field("Day of the review")

    field_order = ["review_on", "reviewers", "internal_checkers"]


class FocusForm(forms.Form):
    focus_area = text_field(
        "Area to focus on", help_text="The area of your school you would like the review to look at."
    )
    questions = text_field(
        "Key questions",
        rows=6,
        help_text="One question a line. The CEO may add to them. Send them the week before the review.",
    )

    def clean_questions(self):
        return [line for line in self.cleaned_data["questions"].splitlines() if line.strip()]


class QuestionForm(forms.Form):
    text = text_field("Question", rows=3)


class TimetableForm(forms.Form):
    timetable = text_field("Timetable for the day", rows=8, help_text="Times, what happens, who goes where.")
    agreed_with_school_lead = forms.BooleanField(
        label="The school lead has agreed this timetable",
        required=False,
        help_text="Once saved it is circulated to the review group.",
    )


class DayForm(forms.Form):
    notes = text_field(
        "Notes from the day",
        rows=8,
        help_text="What the team saw and found, only on the agreed remit and safeguarding. Kept with the "
        "school: the review group and the school's head only.",
    )
    internal_checks = text_field("Internal checks (CFO, COO or delegates)", required=False, rows=4)


class FindingsForm(forms.Form):
    """Strengths and possible areas for future focus against each question."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for n, question in enumerate(self.questions, start=1):
            self.fields[f"strengths_{question.pk}"] = text_field(
                f"Question {n}: strengths", rows=3, help_text=question.text
            )
            self.fields[f"strengths_{question.pk}"].initial = question.strengths
            self.fields[f"future_{question.pk}"] = text_field(
                f"Question {n}: possible areas for future focus",
                rows=3,
                help_text="Areas to develop or explore. Strategies and solutions are not given.",
            )
            self.fields[f"future_{question.pk}"].initial = question.future_focus

    def findings(self) -> dict:
        data = self.cleaned_data
        return {q.pk: (data[f"strengths_{q.pk}"], data[f"future_{q.pk}"]) for q in self.questions}


class LetterIssueForm(forms.Form):
    results_as_expected = forms.TypedChoiceField(
        label="Are the review's results as expected?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text='Recorded as categorisation evidence for "peer review results are as expected". '
        "Nothing else from the review leaves the group.",
        error_messages={"required": "Say whether the review's results are as expected."},
    )


class StaffSessionForm(forms.Form):
    held_on = date_field("Day of the whole-staff session")
    facilitators = text_field("Action Plan Facilitators who led it", rows=2)
