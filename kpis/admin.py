"""Back office: KPI results, comparators and imports are records made by the imports, shown read-only."""

from django.contrib import admin

from trust_portal.admin import ReadOnlyAdmin

from .models import Comparator, KpiImport, KpiResult


@admin.register(KpiResult)
class KpiResultAdmin(ReadOnlyAdmin):
    list_display = [
        "school",
        "measure",
        "academic_year",
        "half_term",
        "all_pupils",
        "disadvantaged",
        "cohort",
    ]
    list_filter = ["measure", "academic_year", "school"]
    list_select_related = ["school", "academic_year", "half_term"]


@admin.register(Comparator)
class ComparatorAdmin(ReadOnlyAdmin):
    list_display = ["measure", "academic_year", "area", "all_pupils", "disadvantaged", "figure_year"]
    list_filter = ["measure", "academic_year", "area"]
    list_select_related = ["academic_year"]


@admin.register(KpiImport)
class KpiImportAdmin(ReadOnlyAdmin):
    list_display = ["filename", "kind", "status", "uploaded_by", "uploaded_at", "summary"]
    list_filter = ["kind", "status"]
    exclude = ["content"]
