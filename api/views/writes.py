"""Endpoints that write: each batch goes through the import's parser and the owning app's service."""

from django.core.exceptions import ValidationError
from django.db import transaction
from rest_framework.response import Response

from audits.imports import COLUMNS as AUDIT_COLUMNS
from audits.imports import prepare
from audits.services import audit_actions_import
from kpis.importing import SPECS
from kpis.importing.base import pupil_count, row_error
from kpis.models import ImportKind
from kpis.services import comparators_import, finance_figures_import, kpi_results_import
from schools.models import School
from schools.services import pupil_numbers_record
from trust_portal.tabular import Column, read_rows, text

from .. import serializers as s
from ..rows import BatchRefused, api_errors, read_batch
from ..scopes import Scope
from .base import ClientView, documented_write

PUPIL_COLUMNS = [
    Column("URN", "urn", text),
    Column("Pupils on roll", "pupils_on_roll", pupil_count),
]


def _saved(plan) -> dict:
    return {
        "summary": plan.summary,
        "rows": [
            {"row": row.item.row - 1, "action": row.action, "description": row.item.description}
            for row in plan.rows
        ],
    }


class _ImportView(ClientView):
    """A batch for one of the KPI app's imports (which also saves finance figures)."""

    kind = None
    service = None
    batch_serializer = None

    def post(self, request):
        columns = SPECS[self.kind].columns
        rows = self.batch(self.batch_serializer)
        records = read_batch(rows, columns, lambda name, data: read_rows(name, data, columns))
        try:
            plan = type(self).service(records=records, by=request.user)
        except ValidationError as error:
            raise BatchRefused(api_errors(error.messages, columns)) from None
        return Response(_saved(plan))


class FinanceFiguresView(_ImportView):
    scopes = {"POST": Scope.FINANCE_WRITE}
    kind, service, batch_serializer = (
        ImportKind.FINANCE_FIGURES,
        finance_figures_import,
        s.FinanceFiguresBatch,
    )

    @documented_write(
        s.FinanceFiguresBatch,
        s.Saved,
        example=s.EXAMPLES["finance"],
        summary="Record finance figures per school and half-term",
    )
    def post(self, request):
        return super().post(request)


class KpiResultsView(_ImportView):
    scopes = {"POST": Scope.KPIS_WRITE}
    kind, service, batch_serializer = ImportKind.KPI_RESULTS, kpi_results_import, s.KpiResultsBatch

    @documented_write(
        s.KpiResultsBatch, s.Saved, example=s.EXAMPLES["kpi"], summary="Record schools' KPI results"
    )
    def post(self, request):
        return super().post(request)


class ComparatorsView(_ImportView):
    scopes = {"POST": Scope.KPIS_WRITE}
    kind, service, batch_serializer = ImportKind.COMPARATORS, comparators_import, s.ComparatorsBatch

    @documented_write(
        s.ComparatorsBatch,
        s.Saved,
        example=s.EXAMPLES["comparator"],
        summary="Record local-authority and national comparators",
    )
    def post(self, request):
        return super().post(request)


class PupilNumbersView(ClientView):
    scopes = {"POST": Scope.PUPILS_WRITE}

    @documented_write(
        s.PupilNumbersBatch, s.Saved, example=s.EXAMPLES["pupils"], summary="Record schools' pupils on roll"
    )
    def post(self, request):
        rows = self.batch(s.PupilNumbersBatch)
        records = read_batch(rows, PUPIL_COLUMNS, lambda n, d: read_rows(n, d, PUPIL_COLUMNS))
        schools = {
            school.urn: school for school in School.objects.filter(urn__in={r["urn"] for r in records})
        }
        errors, seen = [], {}
        for record in records:
            if record["urn"] not in schools:
                errors.append(
                    row_error(record["_row"], "URN", f"no school in the portal has URN {record['urn']}")
                )
            elif record["urn"] in seen:
                errors.append(
                    f"Row {record['_row']}, column 'URN': also on row {seen[record['urn']] - 1}; keep one."
                )
            seen.setdefault(record["urn"], record["_row"])
        if errors:
            raise BatchRefused(api_errors(errors, PUPIL_COLUMNS))
        saved = []
        with transaction.atomic():
            for record in records:
                school = schools[record["urn"]]
                before = school.pupils_on_roll
                pupil_numbers_record(
                    school=school, pupils_on_roll=record["pupils_on_roll"], actor=request.user
                )
                action = (
                    "added"
                    if before is None
                    else "changed"
                    if before != record["pupils_on_roll"]
                    else "unchanged"
                )
                saved.append({"row": record["_row"] - 1, "action": action, "description": str(school)})
        counts = {a: sum(1 for r in saved if r["action"] == a) for a in ("added", "changed", "unchanged")}
        summary = f"{counts['added']} added, {counts['changed']} changed, {counts['unchanged']} unchanged"
        return Response({"summary": summary, "rows": saved})


class AuditActionsWrite:
    """Audit actions from a compliance tool, read exactly as the audit actions import reads a file."""

    @staticmethod
    def post(view, request):
        rows = view.batch(s.AuditActionsBatch)
        prepared = read_batch(rows, AUDIT_COLUMNS, prepare)
        try:
            created = audit_actions_import(rows=prepared, by=request.user)
        except ValidationError as error:
            raise BatchRefused(api_errors(error.messages, AUDIT_COLUMNS)) from None
        return Response({"created": len(created), "ids": [action.pk for action in created]}, status=201)
