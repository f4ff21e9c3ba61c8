"""Importing audit actions from CSV or XLSX: upload, preview, then confirm. All or nothing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from audits.forms import ImportForm
from audits.imports import COLUMNS, prepare
from audits.permissions import require_import
from audits.services import audit_actions_import
from schools.access import trust_role_required
from trust_portal.tabular import TableError, template_response

SESSION_KEY = "audits_import_rows"


@trust_role_required()
def import_actions(request):
    require_import(request.user)
    if request.method == "POST" and "confirm" in request.POST:
        rows = request.session.pop(SESSION_KEY, None)
        if not rows:
            messages.error(request, "The preview has expired: upload the file again.")
            return redirect("audits:import")
        try:
            created = audit_actions_import(rows=rows, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("audits:import")
        skipped = len(rows) - len(created)
        text = f"Imported {len(created)} audit action{'s' if len(created) != 1 else ''}."
        if skipped:
            text += f" {skipped} row{'s' if skipped != 1 else ''} matched actions already recorded: skipped."
        messages.success(request, text)
        return redirect("audits:actions")
    form = ImportForm(request.POST or None, request.FILES or None)
    rows, errors = [], []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows, errors = prepare(upload.name, upload.read())
        except TableError as error:
            form.add_error("file", str(error))
        else:
            if errors:
                rows = []
                request.session.pop(SESSION_KEY, None)
            else:
                request.session[SESSION_KEY] = rows
    return render(
        request,
        "audits/import.html",
        {
            "form": form,
            "rows": rows,
            "errors": errors,
            "columns": COLUMNS,
            "new_count": sum(1 for row in rows if not row.get("existing") and not row.get("repeats")),
            "skipped_count": sum(1 for row in rows if row.get("existing") or row.get("repeats")),
        },
    )


@trust_role_required()
def import_template(request):
    require_import(request.user)
    fmt = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    return template_response("audit-actions-template", COLUMNS, fmt)
