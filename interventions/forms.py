"""The forms behind the intervention pages. Each feeds one service call."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from schools.models import Appointment
from schools.roles import TRUST_WIDE_ROLES
from trust_portal.fields import date_field

from .models import ActionStatus, Counterpart, TargetStatus


def text_field(label, *, required=True, rows=4, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter the {label.lower()}."},
    )


def people_for(school):
    """Trust-wide people and the school's own people: who may author, own, attend or receive."""
    current = Appointment.objects.current()
    ids = current.filter(Q(role__in=TRUST_WIDE_ROLES) | Q(school=school)).values("person_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("last_name", "first_name")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.display_name


class SchoolPeopleForm(forms.Form):
    """A form whose person fields list the school's people and the trust's."""

    person_fields: tuple = ()

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.person_fields:
            self.fields[name].queryset = people_for(school)


class RepForm(SchoolPeopleForm):
    person_fields = ("author", "mentor")
    written_on = date_field("Date written")
    author = PersonChoiceField(
        queryset=None, help_text="Usually the EHT.", error_messages={"required": "Choose who wrote the REP."}
    )
    mentor = PersonChoiceField(queryset=None, required=False)
    mentor_time = forms.CharField(
        label="Mentor time", required=False, help_text="For example: 0.5 days a week"
    )
    sdp_expected_on = date_field("Reviewed SDP expected by", required=False)


class RepDetailsForm(SchoolPeopleForm):
    person_fields = ("mentor",)
    mentor = PersonChoiceField(queryset=None, required=False)
    mentor_time = forms.CharField(
        label="Mentor time", required=False, help_text="For example: 0.5 days a week"
    )
    sdp_expected_on = date_field("Reviewed SDP expected by", required=False)
    sdp_received_on = date_field("Reviewed SDP received", required=False)


class FundingForm(forms.Form):
    amount = forms.DecimalField(
        label="Extra funding from the school's reserves (£)",
        min_value=1,
        max_digits=10,
        decimal_places=2,
        error_messages={
            "required": "Enter the amount, like 5000.",
            "min_value": "Enter an amount of £1 or more.",
        },
    )
    approved_on = date_field("Date approved")


class FundingRequestForm(forms.Form):
    amount = forms.DecimalField(
        label="Extra funding asked for from the school's reserves (£)",
        min_value=1,
        max_digits=10,
        decimal_places=2,
        error_messages={
            "required": "Enter the amount, like 5000.",
            "min_value": "Enter an amount of £1 or more.",
        },
    )
    reason = text_field("What the funding is for", rows=3)


class FundingDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("approve", "Approve the funding"), ("decline", "Decline the request")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve or decline the request."},
    )
    note = text_field("Why it is declined (the school sees this)", required=False, rows=3)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "decline" and not (data.get("note") or "").strip():
            self.add_error("note", "Say why the request is declined, so the school knows.")
        return data


class MilestoneDateForm(forms.Form):
    due_on = date_field("Due date")


class ActionForm(SchoolPeopleForm):
    person_fields = ("owner",)
    text = text_field("Action", rows=3)
    owner = PersonChoiceField(queryset=None, error_messages={"required": "Choose who owns the action."})


class ActionProgressForm(forms.Form):
    status = forms.ChoiceField(choices=ActionStatus.choices)
    done_on = date_field("Date done", required=False, hint="If done. For example, 27/3/2026")
    note = text_field("Progress note", required=False, rows=3)


class ReviewForm(SchoolPeopleForm):
    person_fields = ("reviewers",)
    reviewed_on = date_field("Date of the review")
    reviewers = PeopleChoiceField(
        queryset=None,
        label="Who reviewed",
        help_text="The CEO or EHT and the head (and the mentor).",
        error_messages={"required": "Choose who took part in the review."},
    )
    on_track = forms.TypedChoiceField(
        label="Is the REP on track?",
        choices=[("yes", "On track"), ("no", "Not on track")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the REP is on track."},
    )
    notes = text_field("What the review found")


class ProgressForm(forms.Form):
    progress = text_field("What the school has done", rows=4)
    done_on = date_field("Date it was done", required=False)


class ProgressCheckForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your check",
        choices=[("accept", "Accept: the item is met"), ("return", "Return it to the school")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to accept or return the report."},
    )
    note = text_field("Why it is returned (the school sees this)", required=False, rows=3)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not (data.get("note") or "").strip():
            self.add_error(
                "note", "Say why the report is being returned, so the school knows what is needed."
            )
        return data


class CorrectionForm(forms.Form):
    reason = text_field("Why the notice is being corrected", rows=3)


class ExtendForm(forms.Form):
    new_ends_on = date_field("New end date")
    granted_on = date_field("Date of the decision")
    reason = text_field("Reason for the extension", rows=3)


def outcome_form(choices, *, help_text):
    """`choices`: the (level code, name) pairs the loaded ladder allows the record to close with."""

    class CloseForm(forms.Form):
        outcome = forms.ChoiceField(
            choices=choices,
            widget=forms.RadioSelect,
            help_text=help_text,
            error_messages={"required": "Choose the outcome that was decided."},
        )
        closed_on = date_field("Date closed")
        note = text_field("Note", required=False, rows=3)

    return CloseForm


class FrepForm(forms.Form):
    written_on = date_field("Date written")
    summary = text_field("Why the school is in finance Concerning", required=False)


class TargetForm(forms.Form):
    text = text_field("Required action", rows=3)
    due_on = date_field("Deadline")


class TargetRecordForm(forms.Form):
    status = forms.ChoiceField(choices=[c for c in TargetStatus.choices if c[0] != TargetStatus.REPORTED])
    met_on = date_field("Date met", required=False, hint="If met. For example, 27/3/2026")
    note = text_field("Note", required=False, rows=3)


class RoleLabelledPeopleField(PeopleChoiceField):
    """People shown with the roles they hold at the school or across the trust."""

    roles: dict = {}

    def label_from_instance(self, obj):
        roles = self.roles.get(obj.pk)
        return f"{obj.display_name} ({', '.join(roles)})" if roles else obj.display_name


class NoticeForm(SchoolPeopleForm):
    """The recipients the seed names for the dimension are ticked to start with, each shown with roles."""

    person_fields = ("recipients",)
    issued_on = date_field("Date issued")
    recipients = RoleLabelledPeopleField(
        queryset=None,
        help_text="Ticked: the HT/EHT, the LSB chair, the CEO and the committee chair "
        "(F&R for finance, E&S for education). The notice must go to each of them.",
        error_messages={"required": "Choose who receives the notice."},
    )
    grounds = text_field("Grounds for the notice")
    matters = text_field("Matters the notice rests on", help_text="The facts and findings, one a line.")
    targets = text_field(
        "Required actions and deadlines",
        help_text="One a line: the deadline, a colon, then the action. For example: 6/2/2026: Finish the SCR",
    )
    period_ends_on = date_field("End of the compliance period")
    consequence = text_field("Consequence if the targets are not met", rows=3)
    advisor = forms.CharField(
        label="Advisor directing the head",
        required=False,
        help_text="The LA or external improvement advisor, or the EHT.",
    )
    coaching = text_field("Extra coaching for leaders", required=False, rows=2)

    def __init__(self, *args, school, dimension, **kwargs):
        from .notice_document import notice_default_recipients, roles_by_person

        super().__init__(*args, school=school, **kwargs)
        self.fields["recipients"].roles = roles_by_person(school=school)
        defaults = notice_default_recipients(school=school, dimension=dimension)
        self.fields["recipients"].initial = [person.pk for person, _ in defaults]

    def clean_targets(self):
        targets = []
        date_input = forms.DateField()
        for number, line in enumerate(self.cleaned_data["targets"].splitlines(), start=1):
            if not line.strip():
                continue
            when, sep, text = line.partition(":")
            try:
                due_on = date_input.clean(when.strip())
            except forms.ValidationError:
                due_on = None
            if not sep or not text.strip() or due_on is None:
                raise forms.ValidationError(
                    f"Line {number}: write the deadline, a colon, then the action, "
                    "like 6/2/2026: Complete the SCR."
                )
            targets.append((text.strip(), due_on))
        return targets


class MeetingForm(SchoolPeopleForm):
    person_fields = ("attendees",)
    meeting_on = date_field("Date of the meeting")
    attendees = PeopleChoiceField(
        queryset=None,
        help_text="Finance: the HT/EHT, the CFO, the LSB chair and the F&R rep.",
        error_messages={"required": "Choose who attended the meeting."},
    )


class ActionPlanForm(forms.Form):
    action_plan = text_field("Jointly written action plan (LSB and head)", rows=8)
    received_on = date_field("Date received")
    sent_to_chair_on = date_field("Date sent to the E&S Board chair", required=False)
    advisor = forms.CharField(label="Advisor directing the head", required=False)


class BoardForm(forms.Form):
    formed_on = date_field("Date formed")
    interim_leader = forms.CharField(label="Interim executive principal or head", required=False)
    members = text_field(
        "Members",
        help_text="One a line: name, then a comma and their expertise. At least three.",
    )

    def clean_members(self):
        rows = []
        for line in self.cleaned_data["members"].splitlines():
            name, _, expertise = line.partition(",")
            if name.strip():
                rows.append((name.strip(), expertise.strip()))
        return rows


class BoardDetailsForm(forms.Form):
    interim_leader = forms.CharField(label="Interim executive principal or head", required=False)
    action_plan = text_field("Action plan", required=False, rows=8)


class BoardMemberForm(forms.Form):
    name = forms.CharField(error_messages={"required": "Enter the member's name."})
    expertise = forms.CharField(required=False)


class ReasonForm(forms.Form):
    reason = text_field("Reason", rows=2)


class ApproveForm(forms.Form):
    approved_on = date_field("Date the E&S Committee approved it")


class ReportForm(forms.Form):
    month = date_field("Month reported on", hint="Any day in the month. For example, 1/5/2026")
    received_on = date_field("Date received")
    summary = text_field("What the report says")


class HrPlanForm(forms.Form):
    text = text_field("HR support plan", rows=10)


class BoardCloseForm(forms.Form):
    closed_on = date_field("Date stood down")
    note = text_field("Why (the Trust Board's vote)", rows=3)


class ConversationForm(forms.Form):
    held_on = date_field("Date of the conversation")
    counterpart = forms.ChoiceField(label="With", choices=Counterpart.choices, widget=forms.RadioSelect)
    people = forms.CharField(label="Who took part", error_messages={"required": "Enter who took part."})
    summary = text_field("What was said")
    next_steps = text_field("Next steps", required=False, rows=3)
