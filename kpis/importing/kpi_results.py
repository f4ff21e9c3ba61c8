"""KPI results: one row per school, academic year and measure (attendance: per half-term, year to date)."""

from kpis.measures import RULES, SMALL_COHORT_BELOW, Measure, applies_to, is_small
from kpis.models import KpiResult
from trust_portal.tabular import Column, choice, one_line

from .base import (
    ImportSpec,
    Item,
    academic_year_name,
    half_term_number,
    one_decimal_place,
    pupil_count,
    row_error,
)
from .pupils import PUPILS_COLUMN, PupilsOnRoll

MEASURE_NAMES = (
    {m.value: m for m in Measure} | {m.label: m for m in Measure} | {RULES[m].short: m for m in Measure}
)

COLUMNS = [
    Column("URN", "urn", one_line(6), hint="Six digits, like 990101"),
    Column("School", "school_name", one_line(200), required=False, hint="For your reference: not read"),
    Column("Academic year", "year", academic_year_name, hint="Like 2025-26"),
    Column("Measure", "measure", choice(MEASURE_NAMES), hint="One of: " + ", ".join(Measure.values)),
    Column(
        "Half-term",
        "half_term",
        half_term_number,
        required=False,
        hint="Attendance only: the half-term the year-to-date figure runs to, like Aut 2",
    ),
    Column(
        "All pupils",
        "all_pupils",
        one_decimal_place,
        hint="Percentage like 72, or mtc_average score like 20.6",
    ),
    Column(
        "Disadvantaged (PPG)",
        "disadvantaged",
        one_decimal_place,
        required=False,
        hint="As All pupils; may be empty",
    ),
    Column("Cohort", "cohort", pupil_count, hint="Number of pupils the figure is about, like 30"),
    Column(
        "Disadvantaged cohort",
        "disadvantaged_cohort",
        pupil_count,
        required=False,
        hint=f"Number of disadvantaged pupils; under {SMALL_COHORT_BELOW} is flagged",
    ),
    PUPILS_COLUMN,
]


def _check_figure(record, field, column, measure, errors):
    value = record.get(field)
    highest = RULES[measure].highest
    if value is not None and not 0 <= value <= highest:
        unit = "%" if RULES[measure].unit == "%" else " marks"
        errors.append(row_error(record["_row"], column, f"{value} is not between 0 and {highest}{unit}"))
        return False
    return True


class KpiResultsSpec(PupilsOnRoll, ImportSpec):
    columns = COLUMNS
    model = KpiResult
    value_fields = {
        "all_pupils": "All pupils",
        "disadvantaged": "Disadvantaged (PPG)",
        "cohort": "Cohort",
        "disadvantaged_cohort": "Disadvantaged cohort",
    }

    def resolve_record(self, record, context, errors):
        row = record["_row"]
        before = len(errors)
        school = context["schools"].get(record.get("urn"))
        if record.get("urn") and school is None:
            errors.append(row_error(row, "URN", f"no school in the portal has URN {record['urn']}"))
        year = context["years"].get(record.get("year"))
        if record.get("year") and year is None:
            name = f"{record['year']}-{str(record['year'] + 1)[-2:]}"
            errors.append(
                row_error(
                    row,
                    "Academic year",
                    f"{name} is not in the portal's calendar; add it in the back office first",
                )
            )
        measure = record.get("measure")
        half_term = None
        if measure and school and not applies_to(measure, school.phase):
            errors.append(
                row_error(
                    row,
                    "Measure",
                    f"{measure.label} does not apply to {school} ({school.get_phase_display()})",
                )
            )
        if measure and RULES[measure].per_half_term:
            if record.get("half_term") is None and "half_term" in record:
                errors.append(
                    row_error(row, "Half-term", "enter the half-term the attendance runs to, like Aut 2")
                )
            elif year and record.get("half_term"):
                half_term = context["half_terms"].get((year.starts_on.year, record["half_term"]))
                if half_term is None:
                    errors.append(
                        row_error(row, "Half-term", f"{year} has no such half-term in the calendar")
                    )
        elif measure and record.get("half_term"):
            errors.append(
                row_error(row, "Half-term", "leave it empty: only attendance is recorded by half-term")
            )
        if measure:
            _check_figure(record, "all_pupils", "All pupils", measure, errors)
            _check_figure(record, "disadvantaged", "Disadvantaged (PPG)", measure, errors)
        cohort, ppg_cohort = record.get("cohort"), record.get("disadvantaged_cohort")
        if (
            record.get("disadvantaged") is not None
            and ppg_cohort is None
            and "disadvantaged_cohort" in record
        ):
            errors.append(
                row_error(
                    row, "Disadvantaged cohort", "enter how many disadvantaged pupils the PPG figure is about"
                )
            )
        if cohort is not None and ppg_cohort is not None and ppg_cohort > cohort:
            errors.append(
                row_error(
                    row, "Disadvantaged cohort", f"{ppg_cohort} cannot be more than the cohort ({cohort})"
                )
            )
        if cohort == 0:
            errors.append(
                row_error(row, "Cohort", "a figure about no pupils cannot be recorded; leave the row out")
            )
        pupils = self.pupils_check(record, school, context, errors)
        if (
            len(errors) > before
            or not all((school, year, measure))
            or any(f not in record for f in ("all_pupils", "cohort"))
        ):
            return None
        when = half_term.label if half_term else year.name
        item = Item(
            row=row,
            lookup={
                "school": school,
                "academic_year": year,
                "measure": measure.value,
                "half_term": half_term,
            },
            values={
                "all_pupils": record["all_pupils"],
                "disadvantaged": record.get("disadvantaged"),
                "cohort": cohort,
                "disadvantaged_cohort": ppg_cohort,
            },
            description=f"{school} - {measure.label} - {when}",
        )
        if is_small(cohort) or (record.get("disadvantaged") is not None and is_small(ppg_cohort)):
            item.flags.append("Small cohort")
        item.pupils_on_roll = pupils
        return item

    def save(self, planned, obj, *, by, now, source):
        self.pupils_save(planned, by=by)
        if not planned.figures_changed:
            return obj
        if obj is None:
            obj = KpiResult(**planned.item.lookup)
        for name, value in planned.item.values.items():
            setattr(obj, name, value)
        obj.updated_by, obj.updated_at, obj.source = by, now, source
        obj.save()
        return obj
