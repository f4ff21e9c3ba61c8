"""Back office: KPI results, comparators and imports are records made by the imports, shown read-only."""

from django.contrib import admin

from .models import Comparator, KpiImport, KpiResult


class ReadOnlyAdmin(admin.ModelAdmin):
    """Figures change only through an import (preview, confirm), so the record of who set them holds."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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
