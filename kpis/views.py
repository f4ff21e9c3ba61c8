from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import capfirst
from django.views.decorators.http import require_POST

from charts.pages import kpi_trend_charts_for, reserves_chart_for
from kpis import selectors
from kpis.exports import kpi_table_rows
from kpis.forms import ImportFileForm, YearForm
from kpis.importing import SPECS, preview
from kpis.measures import SMALL_COHORT_BELOW
from kpis.models import ImportKind, ImportStatus, KpiImport
from kpis.permissions import require_import
from kpis.services import kpi_import_confirm, kpi_import_upload
from kpis.table_html import table_rows_html
from schools.access import appointment_required, get_for_user, trust_role_required
from schools.models import School
from trust_portal.tabular import requested_format, spreadsheet_response, template_response

MAX_ERRORS_SHOWN = 100


def _year(request):
    chosen = request.GET.get("year")
    year = selectors.academic_year_named(chosen) or selectors.default_academic_year()
    if year is None:
        raise Http404("The portal has no academic years yet.")
    return year


@trust_role_required()
def trust_table(request):
    year = _year(request)
    schools = School.objects.visible_to(request.user).order_by("name")
    measures, rows = selectors.kpi_table_for(academic_year=year, schools=schools)
    return render(
        request,
        "kpis/trust_table.html",
        {
            "academic_year": year,
            "year_form": YearForm(initial={"year": year.name}),
            "measures": measures,
            "rows": table_rows_html(rows, academic_year=year),
            "comparators": selectors.comparators_for_year(academic_year=year),
            "reserves_chart": reserves_chart_for(schools=schools),
            "small_cohort_below": SMALL_COHORT_BELOW,
        },
    )


@trust_role_required()
def trust_table_export(request):
    """The table for the year the page shows: a row per school and measure."""
    year = _year(request)
    schools = School.objects.visible_to(request.user).order_by("name")
    headers, rows = kpi_table_rows(academic_year=year, schools=schools)
    return spreadsheet_response(f"kpis-{year.name}", headers, rows, requested_format(request))


@appointment_required
def school_kpis(request, urn):
    school = get_for_user(School.objects, request.user, urn=urn)
    year = _year(request)
    return render(
        request,
        "kpis/school_kpis.html",
        {
            "school": school,
            "academic_year": year,
            "year_form": YearForm(initial={"year": year.name}),
            "rows": selectors.kpi_rows_for(school=school, academic_year=year),
            "attendance": selectors.attendance_by_half_term(school=school, academic_year=year),
            "trend_charts": kpi_trend_charts_for(school=school),
            "small_cohort_below": SMALL_COHORT_BELOW,
        },
    )


def _kind_for(request, kind):
    if kind not in ImportKind.values:
        raise Http404("No such import.")
    require_import(request.user, kind)
    return ImportKind(kind)


@login_required
def import_start(request, kind):
    kind = _kind_for(request, kind)
    form = ImportFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            kpi_import = kpi_import_upload(
                kind=kind, filename=upload.name, data=upload.read(), by=request.user
            )
        except ValidationError as error:
            shown = error.messages[:MAX_ERRORS_SHOWN]
            if len(error.messages) > MAX_ERRORS_SHOWN:
                shown.append(
                    f"... and {len(error.messages) - MAX_ERRORS_SHOWN} more. Fix these and upload again."
                )
            form.add_error("file", shown)
        else:
            return redirect("kpis:import_preview", pk=kpi_import.pk)
    return render(
        request,
        "kpis/import_start.html",
        {
            "kind": kind,
            "form": form,
            "columns": SPECS[kind].columns,
            "recent": KpiImport.objects.filter(kind=kind).select_related("uploaded_by")[:10],
        },
    )


def _import_for(request, pk):
    kpi_import = get_object_or_404(KpiImport.objects.select_related("uploaded_by", "applied_by"), pk=pk)
    _kind_for(request, kpi_import.kind)
    return kpi_import


@login_required
def import_preview(request, pk):
    kpi_import = _import_for(request, pk)
    plan, errors = None, []
    if kpi_import.status == ImportStatus.PREVIEWED:
        plan, errors = preview(kpi_import.kind, kpi_import.filename, bytes(kpi_import.content))
    return render(
        request,
        "kpis/import_preview.html",
        {"kpi_import": kpi_import, "plan": plan, "errors": errors, "previewed": ImportStatus.PREVIEWED},
    )


@login_required
@require_POST
def import_confirm(request, pk):
    kpi_import = _import_for(request, pk)
    try:
        plan = kpi_import_confirm(kpi_import_id=kpi_import.pk, by=request.user)
    except ValidationError as error:
        for message in error.messages[:MAX_ERRORS_SHOWN]:
            messages.error(request, message)
    else:
        messages.success(request, f"{capfirst(kpi_import.get_kind_display())} saved: {plan.summary}.")
    return redirect("kpis:import_preview", pk=kpi_import.pk)


@login_required
def import_template(request, kind, fmt):
    kind = _kind_for(request, kind)
    if fmt not in ("csv", "xlsx"):
        raise Http404("Templates come as csv or xlsx.")
    return template_response(f"{kind.value}-template", SPECS[kind].columns, fmt)
