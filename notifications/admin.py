from django.contrib import admin

from trust_portal.admin import ReadOnlyAdmin

from .models import Digest, EmailPreference, HandOff


@admin.register(HandOff)
class HandOffAdmin(ReadOnlyAdmin):
    list_display = [
        "event",
        "recipient",
        "school",
        "due_on",
        "held_for_digest",
        "status",
        "sent_at",
        "last_error",
    ]
    list_filter = ["event", "status", "held_for_digest"]


@admin.register(Digest)
class DigestAdmin(ReadOnlyAdmin):
    list_display = ["person", "day", "status", "sent_at", "last_error"]
    list_filter = ["status"]


@admin.register(EmailPreference)
class EmailPreferenceAdmin(ReadOnlyAdmin):
    list_display = ["person", "daily_digest", "updated_at"]
    list_filter = ["daily_digest"]
