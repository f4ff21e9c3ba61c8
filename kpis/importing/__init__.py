"""The imports the KPI app runs: KPI results, comparators and (into categorisation) finance figures."""

from kpis.models import ImportKind
from trust_portal.tabular import read_rows

from .base import ImportPlan, by_row
from .comparators import ComparatorsSpec
from .finance import FinanceFiguresSpec
from .kpi_results import KpiResultsSpec

SPECS = {
    ImportKind.KPI_RESULTS: KpiResultsSpec(),
    ImportKind.COMPARATORS: ComparatorsSpec(),
    ImportKind.FINANCE_FIGURES: FinanceFiguresSpec(),
}


def read_file(kind, filename: str, data: bytes):
    """(items, errors) for a file: every cell and cross-row problem, by row. May raise TableError."""
    spec = SPECS[kind]
    records, errors = read_rows(filename, data, spec.columns)
    items, resolve_errors = spec.resolve(records)
    return items, by_row(errors + resolve_errors, spec.columns)


def preview(kind, filename: str, data: bytes) -> tuple[ImportPlan | None, list]:
    """The plan for a file (what it would add and change), or its errors. Saves nothing."""
    items, errors = read_file(kind, filename, data)
    if errors:
        return None, errors
    spec = SPECS[kind]
    return spec.plan(items, spec.existing(items)), []
