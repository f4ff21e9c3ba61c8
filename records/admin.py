from django.contrib import admin

from .models import Entry


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    """The record is read here, never written: appends go through `records.chain`."""

    list_display = ["sequence", "at", "actor_label", "event", "subject_label"]
    list_filter = ["event"]
    search_fields = ["subject_label", "actor_label"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
