"""The trust's KPI table for a spreadsheet: a row per school and measure, as the table's cells show them
(the same two queries as the page)."""

from .selectors import kpi_table_for

HEADERS = [
    "URN",
    "School",
    "Phase",
    "Measure",
    "All pupils",
    "Disadvantaged (PPG)",
    "Pupils in the cohort",
    "Disadvantaged pupils in the cohort",
    "Unit",
    "Attendance up to",
    "Small cohort",
]


def kpi_table_rows(*, academic_year, schools) -> tuple[list, list]:
    measures, table = kpi_table_for(academic_year=academic_year, schools=schools)
    rows = []
    for school, cells in table:
        for measure, cell in zip(measures, cells, strict=True):
            start = [school.urn, school.name, school.get_phase_display(), measure.label]
            if not cell.applies:
                rows.append([*start, "n/a", "n/a", None, None, cell.unit, "", ""])
                continue
            result = cell.result
            if result is None:
                rows.append([*start, None, None, None, None, cell.unit, "", ""])
                continue
            rows.append(
                [
                    *start,
                    result.all_pupils,
                    result.disadvantaged,
                    result.cohort,
                    result.disadvantaged_cohort,
                    cell.unit,
                    result.half_term.label if result.half_term else "",
                    "Yes" if cell.small_cohort else "No",
                ]
            )
    return HEADERS, rows
