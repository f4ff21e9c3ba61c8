"""Comparators: the local authority's and the national figure for each measure and academic year."""

from kpis.measures import RULES
from kpis.models import Comparator
from kpis.models.results import NATIONAL
from schools.models import Phase
from trust_portal.tabular import Column, choice, one_line, whole_number

from .base import ImportSpec, Item, academic_year_name, one_decimal_place, row_error
from .kpi_results import MEASURE_NAMES, _check_figure

COLUMNS = [
    Column("Measure", "measure", choice(MEASURE_NAMES), hint="One of the measure codes, like ks2_rwm"),
    Column(
        "Academic year", "year", academic_year_name, hint="The year of the schools' results, like 2025-26"
    ),
    Column("Area", "area", one_line(100), hint="The local authority, like Essex, or National"),
    Column(
        "All pupils",
        "all_pupils",
        one_decimal_place,
        hint="Percentage like 63, or mtc_average score like 20.6",
    ),
    Column(
        "Disadvantaged",
        "disadvantaged",
        one_decimal_place,
        required=False,
        hint="As All pupils; may be empty",
    ),
    Column(
        "Phase",
        "phase",
        choice({label: value for value, label in Phase.choices} | {value: value for value in Phase.values}),
        required=False,
        hint="Empty for all schools, or a phase (Primary, Secondary...) for that phase's figure",
    ),
    Column(
        "Figure year",
        "figure_year",
        whole_number,
        required=False,
        hint="National only: the year the figure is for, like 2024",
    ),
]


class ComparatorsSpec(ImportSpec):
    columns = COLUMNS
    model = Comparator
    value_fields = {
        "all_pupils": "All pupils",
        "disadvantaged": "Disadvantaged",
        "figure_year": "Figure year",
    }

    def resolve_record(self, record, context, errors):
        row = record["_row"]
        before = len(errors)
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
        area = record.get("area") or ""
        if area.lower() == NATIONAL.lower():
            area = NATIONAL
        figure_year = record.get("figure_year")
        if figure_year is not None and not 2000 <= figure_year <= 2100:
            errors.append(row_error(row, "Figure year", f"{figure_year} is not a year like 2024"))
        measure = record.get("measure")
        if measure:
            _check_figure(record, "all_pupils", "All pupils", measure, errors)
            _check_figure(record, "disadvantaged", "Disadvantaged", measure, errors)
        if len(errors) > before or not all((year, measure, area)) or "all_pupils" not in record:
            return None
        label = f"{NATIONAL} {figure_year}" if area == NATIONAL and figure_year else area
        phase = record.get("phase") or ""
        if phase:
            label = f"{label} ({Phase(phase).label.lower()} schools)"
        return Item(
            row=row,
            lookup={"measure": measure.value, "academic_year": year, "area": area, "phase": phase},
            values={
                "all_pupils": record["all_pupils"],
                "disadvantaged": record.get("disadvantaged"),
                "figure_year": figure_year,
            },
            description=f"{label} - {RULES[measure].short} - {year}",
        )

    def save(self, planned, obj, *, by, now, source):
        if obj is None:
            obj = Comparator(**planned.item.lookup)
        for name, value in planned.item.values.items():
            setattr(obj, name, value)
        obj.updated_by, obj.updated_at, obj.source = by, now, source
        obj.save()
        return obj
