"""What every app's back office shares."""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record that changes only through the portal's services (decisions, actions, figures, emails, the
    record of access): the back office looks, and no one adds, edits or deletes it here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
