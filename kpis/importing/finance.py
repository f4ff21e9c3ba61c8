"""Finance figures per school per half-term, imported into `categorisation.FinanceFigures`.

The categorisation app owns the figures; each row is saved through its `finance_figures_save`, so an
import and a figure typed on the categorisation page are the same change.
"""

from decimal import Decimal

from categorisation.models import FinanceFigures
from categorisation.services.finance import finance_figures_save
from trust_portal.tabular import CellError, Column, decimal, one_line, yes_no

from .base import ImportSpec, Item, half_term_in_year, row_error
from .pupils import PUPILS_COLUMN, PupilsOnRoll


def pounds(value) -> Decimal:
    """£44,000 or -12000.50 -> a Decimal in pounds and pence."""
    try:
        return decimal(value).quantize(Decimal("0.01"))
    except CellError:
        raise CellError(f"'{value}' is not an amount in pounds, like 44000 or -12000") from None


COLUMNS = [
    Column("URN", "urn", one_line(6), hint="Six digits, like 990101"),
    Column("School", "school_name", one_line(200), required=False, hint="For your reference: not read"),
    Column("Half-term", "half_term", half_term_in_year, hint="Like Aut 2 2025-26"),
    Column("Budget balances for 3 years?", "budget_balanced_3_years", yes_no, hint="Yes or No"),
    Column(
        "Predicted in-year outturn (£)",
        "predicted_in_year_outturn",
        pounds,
        hint="Pounds; negative for a deficit, like -12000",
    ),
    Column(
        "Predicted carry forward at 31 August (£)",
        "predicted_carry_forward",
        pounds,
        hint="Cumulative outturn at 31 August, like 52000",
    ),
    Column("Carry forward target (£)", "carry_forward_target", pounds, hint="Like 50000"),
    Column("GAG (£)", "gag", pounds, hint="General Annual Grant for the year, like 1250000"),
    Column("Reserves (£)", "reserves", pounds, hint="Like 65000"),
    PUPILS_COLUMN,
]
FIELDS = {column.field: column.name for column in COLUMNS[3:-1]}


class FinanceFiguresSpec(PupilsOnRoll, ImportSpec):
    columns = COLUMNS
    model = FinanceFigures
    value_fields = FIELDS

    def resolve_record(self, record, context, errors):
        row = record["_row"]
        before = len(errors)
        school = context["schools"].get(record.get("urn"))
        if record.get("urn") and school is None:
            errors.append(row_error(row, "URN", f"no school in the portal has URN {record['urn']}"))
        half_term = None
        if record.get("half_term"):
            number, start_year = record["half_term"]
            half_term = context["half_terms"].get((start_year, number))
            if half_term is None:
                errors.append(
                    row_error(
                        row,
                        "Half-term",
                        f"{start_year}-{str(start_year + 1)[-2:]} is not in the portal's calendar; "
                        "add it in the back office first",
                    )
                )
        if record.get("gag") is not None and record["gag"] <= 0:
            errors.append(row_error(row, "GAG (£)", "enter the school's GAG, more than £0"))
        pupils = self.pupils_check(record, school, context, errors)
        if len(errors) > before or not (school and half_term) or any(f not in record for f in FIELDS):
            return None
        item = Item(
            row=row,
            lookup={"school": school, "half_term": half_term},
            values={name: record[name] for name in FIELDS},
            description=f"{school} - {half_term.label}",
        )
        item.pupils_on_roll = pupils
        return item

    def save(self, planned, obj, *, by, now, source):
        lookup = planned.item.lookup
        self.pupils_save(planned, by=by)
        if planned.figures_changed:
            return finance_figures_save(
                school=lookup["school"], half_term=lookup["half_term"], by=by, **planned.item.values
            )
        return obj
