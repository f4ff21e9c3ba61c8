"""The back office's read-only view of letter batches and their letters.

Batches change only through the letters pages (start, Retry) and the workers; here the central team can
see what each batch did, which letter is stuck and why.
"""

from django.contrib import admin

from trust_portal.admin import ReadOnlyAdmin

from .models import LetterBatch, LetterBatchItem


class LetterBatchItemInline(admin.TabularInline):
    model = LetterBatchItem
    fields = ["letter", "status", "attempts", "queued_at", "claimed_at", "finished_at", "error"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LetterBatch)
class LetterBatchAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "kind", "half_term", "started_by", "started_at"]
    list_filter = ["kind", "half_term"]
    list_select_related = ["half_term", "started_by"]
    inlines = [LetterBatchItemInline]


@admin.register(LetterBatchItem)
class LetterBatchItemAdmin(ReadOnlyAdmin):
    list_display = ["letter", "batch", "status", "attempts", "queued_at", "claimed_at", "finished_at"]
    list_filter = ["status", "batch__kind"]
    list_select_related = ["letter__school", "letter__half_term", "batch__half_term"]
    search_fields = ["letter__school__name"]
