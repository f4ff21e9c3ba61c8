"""Every change to KPI results, comparators and imported finance figures goes through these functions.

An import is all-or-nothing: the records are resolved and checked first and, if any row has an error,
a ValidationError lists every error (row and column) and nothing is saved. Otherwise the stored rows the
file names are locked, compared and written in one transaction; re-importing a file updates the same rows.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kpis.importing import SPECS, read_file
from kpis.importing.base import ImportPlan, by_row
from kpis.models import ImportKind, ImportStatus, KpiImport
from kpis.models.imports import IMPORT_MOVES
from kpis.permissions import IMPORTERS, may_import
from schools.roles import Role
from trust_portal.tabular import TableError, read_rows

MAX_FILE_BYTES = 5 * 1024 * 1024


def _check_importer(by, kind):
    if not may_import(by, kind):
        who = " or ".join(Role(role).label for role in sorted(IMPORTERS[kind]))
        raise PermissionDenied(f"Only the {who} may import {ImportKind(kind).label}.")


def _import(kind, *, records, by, source=None) -> ImportPlan:
    _check_importer(by, kind)
    spec = SPECS[kind]
    items, errors = spec.resolve(records)
    if errors:
        raise ValidationError(by_row(errors, spec.columns))
    with transaction.atomic():
        existing = spec.existing(items, lock=True)
        plan = spec.plan(items, existing)
        now = timezone.now()
        for planned in plan.rows:
            if planned.action != "unchanged":
                spec.save(planned, existing.get(planned.item.key), by=by, now=now, source=source)
    return plan


def kpi_results_import(*, records: list[dict], by, source: KpiImport | None = None) -> ImportPlan:
    """Add or update schools' KPI results from parsed rows (see `kpis.importing.kpi_results.COLUMNS`)."""
    return _import(ImportKind.KPI_RESULTS, records=records, by=by, source=source)


def comparators_import(*, records: list[dict], by, source: KpiImport | None = None) -> ImportPlan:
    """Add or update local-authority and national comparators from parsed rows."""
    return _import(ImportKind.COMPARATORS, records=records, by=by, source=source)


def finance_figures_import(*, records: list[dict], by, source: KpiImport | None = None) -> ImportPlan:
    """Add or update schools' finance figures per half-term (saved through categorisation's service)."""
    return _import(ImportKind.FINANCE_FIGURES, records=records, by=by, source=source)


IMPORT_SERVICES = {
    ImportKind.KPI_RESULTS: kpi_results_import,
    ImportKind.COMPARATORS: comparators_import,
    ImportKind.FINANCE_FIGURES: finance_figures_import,
}


def kpi_import_upload(*, kind: str, filename: str, data: bytes, by) -> KpiImport:
    """Keep an uploaded file that reads without errors, for the person to preview and confirm.

    A file with any error is refused whole: the ValidationError lists every row and column to fix.
    """
    _check_importer(by, kind)
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(f"The file must be smaller than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    try:
        _, errors = read_file(kind, filename, data)
    except TableError as error:
        raise ValidationError(str(error)) from None
    if errors:
        raise ValidationError(errors)
    return KpiImport.objects.create(
        kind=kind, filename=filename[:200], content=data, uploaded_by=by, uploaded_at=timezone.now()
    )


def kpi_import_confirm(*, kpi_import_id: int, by) -> ImportPlan:
    """Save a previewed file. Runs the import once: confirming twice does not import twice."""
    with transaction.atomic():
        kpi_import = KpiImport.objects.select_for_update().get(pk=kpi_import_id)
        _check_importer(by, kpi_import.kind)
        if ImportStatus.APPLIED not in IMPORT_MOVES[ImportStatus(kpi_import.status)]:
            saved = timezone.localtime(kpi_import.applied_at)
            raise ValidationError(
                f"This file was already saved on {saved.day} {saved:%B %Y at %H:%M}. "
                "To change the figures, upload a new file."
            )
        spec = SPECS[kpi_import.kind]
        records, errors = read_rows(kpi_import.filename, bytes(kpi_import.content), spec.columns)
        if errors:
            raise ValidationError(errors)
        plan = IMPORT_SERVICES[kpi_import.kind](records=records, by=by, source=kpi_import)
        kpi_import.status = ImportStatus.APPLIED
        kpi_import.applied_by = by
        kpi_import.applied_at = timezone.now()
        kpi_import.summary = plan.summary
        kpi_import.save(update_fields=["status", "applied_by", "applied_at", "summary"])
    return plan
