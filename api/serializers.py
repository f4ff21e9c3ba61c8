"""The shapes the API reads and writes. Writes are checked here only for JSON types; the import's own
parser and checks (api/rows.py) decide whether a row is good, with the same words as the file import."""

from rest_framework import serializers

from audits.models import Priority
from kpis.measures import Measure
from schools.models import Phase

HALF_TERM_HELP = "A half-term and its academic year, like Aut 2 2025-26"
YEAR_HELP = "An academic year, like 2025-26"


def money(**kwargs):
    return serializers.DecimalField(max_digits=12, decimal_places=2, **kwargs)


def figure(**kwargs):
    return serializers.DecimalField(max_digits=5, decimal_places=1, **kwargs)


def batch_of(row_serializer, name):
    """A request body {"rows": [...]}: at most 5,000 rows, saved all together or not at all."""
    return type(
        name,
        (serializers.Serializer,),
        {"rows": row_serializer(many=True, allow_empty=False, max_length=5000)},
    )


class PupilNumbersRow(serializers.Serializer):
    urn = serializers.CharField(max_length=6, help_text="The school's six-digit URN")
    pupils_on_roll = serializers.IntegerField(min_value=0, max_value=100000)


class FinanceFiguresRow(serializers.Serializer):
    urn = serializers.CharField(max_length=6)
    half_term = serializers.CharField(max_length=40, help_text=HALF_TERM_HELP)
    budget_balanced_3_years = serializers.BooleanField()
    predicted_in_year_outturn = money(help_text="Pounds; negative for a deficit")
    predicted_carry_forward = money(help_text="Cumulative outturn at 31 August")
    carry_forward_target = money()
    gag = money(help_text="General Annual Grant for the year")
    reserves = money()


class KpiResultRow(serializers.Serializer):
    urn = serializers.CharField(max_length=6)
    year = serializers.CharField(max_length=20, help_text=YEAR_HELP)
    measure = serializers.ChoiceField(choices=Measure.values)
    half_term = serializers.CharField(
        max_length=20, required=False, allow_null=True, help_text="Attendance only: like Aut 2"
    )
    all_pupils = figure()
    disadvantaged = figure(required=False, allow_null=True)
    cohort = serializers.IntegerField(min_value=0, max_value=100000)
    disadvantaged_cohort = serializers.IntegerField(
        min_value=0, max_value=100000, required=False, allow_null=True
    )


class ComparatorRow(serializers.Serializer):
    measure = serializers.ChoiceField(choices=Measure.values)
    year = serializers.CharField(max_length=20, help_text=YEAR_HELP)
    area = serializers.CharField(max_length=100, help_text="The local authority, like Essex, or National")
    all_pupils = figure()
    disadvantaged = figure(required=False, allow_null=True)
    phase = serializers.ChoiceField(choices=Phase.values, required=False, allow_null=True)
    figure_year = serializers.IntegerField(
        min_value=2000, max_value=2100, required=False, allow_null=True, help_text="National only"
    )


class AuditActionRow(serializers.Serializer):
    urn = serializers.CharField(max_length=6)
    audit_type = serializers.CharField(max_length=100, help_text="Like Fire safety")
    carried_out_on = serializers.DateField()
    auditor = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description = serializers.CharField(max_length=2000, help_text="What the school must do")
    priority = serializers.ChoiceField(choices=Priority.labels)
    due_on = serializers.DateField()
    owner_email = serializers.EmailField(required=False, allow_blank=True, help_text="Empty: the head")


PupilNumbersBatch = batch_of(PupilNumbersRow, "PupilNumbersBatch")
FinanceFiguresBatch = batch_of(FinanceFiguresRow, "FinanceFiguresBatch")
KpiResultsBatch = batch_of(KpiResultRow, "KpiResultsBatch")
ComparatorsBatch = batch_of(ComparatorRow, "ComparatorsBatch")
AuditActionsBatch = batch_of(AuditActionRow, "AuditActionsBatch")


EXAMPLES = {
    "pupils": {"urn": "100001", "pupils_on_roll": 412},
    "finance": {
        "urn": "100001",
        "half_term": "Aut 2 2025-26",
        "budget_balanced_3_years": True,
        "predicted_in_year_outturn": "44000.00",
        "predicted_carry_forward": "52000.00",
        "carry_forward_target": "50000.00",
        "gag": "1250000.00",
        "reserves": "65000.00",
    },
    "kpi": {
        "urn": "100001",
        "year": "2025-26",
        "measure": "ks2_rwm",
        "all_pupils": "72.0",
        "disadvantaged": "50.0",
        "cohort": 30,
        "disadvantaged_cohort": 10,
    },
    "comparator": {"measure": "ks2_rwm", "year": "2025-26", "area": "Essex", "all_pupils": "63.0"},
    "audit_action": {
        "urn": "100001",
        "audit_type": "Fire safety",
        "carried_out_on": "2025-11-03",
        "description": "Replace the hall fire door closer",
        "priority": "High",
        "due_on": "2025-12-05",
    },
}


class RowError(serializers.Serializer):
    row = serializers.IntegerField(allow_null=True, help_text="The row in the request, from 1")
    field = serializers.CharField(allow_null=True)
    message = serializers.CharField()


class Problem(serializers.Serializer):
    detail = serializers.CharField()
    errors = RowError(many=True, required=False)


class SavedRow(serializers.Serializer):
    row = serializers.IntegerField()
    action = serializers.ChoiceField(choices=["added", "changed", "unchanged"])
    description = serializers.CharField()


class Saved(serializers.Serializer):
    summary = serializers.CharField()
    rows = SavedRow(many=True)


class SchoolOut(serializers.Serializer):
    urn = serializers.CharField()
    name = serializers.CharField()
    phase = serializers.CharField()
    local_authority = serializers.CharField()
    pupils_on_roll = serializers.IntegerField(allow_null=True)
    capacity = serializers.IntegerField(allow_null=True)
    has_resourced_provision = serializers.BooleanField()
    joined_on = serializers.DateField(allow_null=True)


class CategoryOut(serializers.Serializer):
    urn = serializers.CharField(source="school.urn")
    school = serializers.CharField(source="school.name")
    half_term = serializers.SerializerMethodField()
    dimension = serializers.CharField()
    level = serializers.CharField(source="level.name")
    label = serializers.CharField(source="level.label")
    decided_at = serializers.DateTimeField()
    revision = serializers.IntegerField()

    def get_half_term(self, record) -> str:
        return half_term_code(record.half_term)


class AuditActionOut(serializers.Serializer):
    id = serializers.IntegerField()
    urn = serializers.CharField(source="audit.school.urn")
    audit_type = serializers.CharField(source="audit.audit_type.name")
    carried_out_on = serializers.DateField(source="audit.carried_out_on")
    description = serializers.CharField()
    priority = serializers.CharField()
    due_on = serializers.DateField()
    status = serializers.CharField()
    closed_on = serializers.DateField(allow_null=True)


class AuditActionsCreated(serializers.Serializer):
    created = serializers.IntegerField()
    ids = serializers.ListField(child=serializers.IntegerField())


class LetterOut(serializers.Serializer):
    urn = serializers.CharField(source="school.urn")
    school = serializers.CharField(source="school.name")
    half_term = serializers.SerializerMethodField()
    version = serializers.IntegerField()
    status = serializers.CharField()
    dated = serializers.DateField()
    issued_at = serializers.DateTimeField(allow_null=True)
    acknowledged_at = serializers.DateTimeField(allow_null=True)

    def get_half_term(self, letter) -> str:
        return half_term_code(letter.half_term)


def half_term_code(half_term) -> str:
    """`Aut 2 2025-26`: the form the imports and the API's filters read."""
    from schools.models.calendar import SHORT_NAMES

    return f"{SHORT_NAMES[half_term.number]} {half_term.academic_year.name}"
