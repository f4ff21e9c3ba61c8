"""Building small import files in tests."""

import csv
import io

from openpyxl import Workbook

KPI_HEADER = [
    "URN",
    "School",
    "Academic year",
    "Measure",
    "Half-term",
    "All pupils",
    "Disadvantaged (PPG)",
    "Cohort",
    "Disadvantaged cohort",
]
COMPARATOR_HEADER = ["Measure", "Academic year", "Area", "All pupils", "Disadvantaged", "Figure year"]


def as_csv(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def as_xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


FINANCE_HEADER = [
    "URN",
    "School",
    "Half-term",
    "Budget balances for 3 years?",
    "Predicted in-year outturn (£)",
    "Predicted carry forward at 31 August (£)",
    "Carry forward target (£)",
    "GAG (£)",
    "Reserves (£)",
]
