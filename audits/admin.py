from django.contrib import admin

from audits.models import ActionEvent, AuditAction, AuditType, ReminderSent
from trust_portal.admin import ReadOnlyAdmin


@admin.register(AuditType)
class AuditTypeAdmin(admin.ModelAdmin):
    """The trust edits its audit types, cycles and providers here; everything else happens in the portal."""

    list_display = ["name", "cycle", "provider", "order", "is_active"]
    list_editable = ["cycle", "provider", "order", "is_active"]


class ActionEventInline(admin.TabularInline):
    model = ActionEvent
    fields = ["kind", "by", "at", "comment", "reason", "closed_on"]
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(AuditAction)
class AuditActionAdmin(ReadOnlyAdmin):
    list_display = ["description", "audit", "priority", "due_on", "owner", "status"]
    list_filter = ["status", "priority", "audit__audit_type"]
    list_select_related = ["audit__school", "audit__audit_type", "owner"]
    inlines = [ActionEventInline]


@admin.register(ReminderSent)
class ReminderSentAdmin(ReadOnlyAdmin):
    list_display = ["kind", "recipient", "action", "due_on", "status", "sent_at", "last_error"]
    list_filter = ["kind", "status"]
