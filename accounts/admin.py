from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError

from accounts.forms import BackOfficeSignInForm
from accounts.invitations import invitation_revoke, invitation_send
from accounts.models import AccessRecord, Invitation, SessionsEnded, User
from accounts.services import sessions_end_all
from trust_portal.admin import ReadOnlyAdmin

# The back office's own login page gives the same plain message while an account is cooling off
# (the throttle itself is in the authentication backend, so it holds here regardless).
admin.site.login_form = BackOfficeSignInForm


class NewPersonForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["email", "first_name", "last_name"]

    def save(self, commit=True):
        person = super().save(commit=False)
        person.email = person.email.strip().lower()
        person.set_unusable_password()
        if commit:
            person.save()
        return person


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff", "last_login"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Name", {"fields": ("first_name", "last_name")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    # A new person gets no password here: appointing them sends an invitation to choose their own.
    add_form = NewPersonForm
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "first_name", "last_name")}),)
    actions = ["end_all_sessions", "send_invitation", "revoke_invitation"]

    @admin.action(description="Send (or re-send) an invitation to the selected people")
    def send_invitation(self, request, queryset):
        for person in queryset:
            try:
                invitation_send(person=person, by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{person}: {error.messages[0]}", messages.WARNING)
            else:
                self.message_user(request, f"Sent {person} an invitation.", messages.SUCCESS)

    @admin.action(description="Revoke the selected people's open invitations")
    def revoke_invitation(self, request, queryset):
        revoked = sum(invitation_revoke(person=person, by=request.user) for person in queryset)
        self.message_user(request, f"Revoked {revoked} invitation(s).", messages.SUCCESS)

    @admin.action(description="End all sessions of the selected people (e.g. leavers)")
    def end_all_sessions(self, request, queryset):
        ended = 0
        for person in queryset.exclude(pk=request.user.pk):
            ended += sessions_end_all(
                person=person, by=request.user, reason="Ended in the back office"
            ).sessions_count
        self.message_user(request, f"Ended {ended} session(s).", messages.SUCCESS)


@admin.register(AccessRecord)
class AccessRecordAdmin(ReadOnlyAdmin):
    list_display = ["at", "person", "action", "what", "school", "ip_address"]
    list_filter = ["action", "object_type", "school"]
    search_fields = ["person__email", "what"]
    date_hierarchy = "at"


@admin.register(SessionsEnded)
class SessionsEndedAdmin(ReadOnlyAdmin):
    list_display = ["at", "person", "ended_by", "reason", "sessions_count", "account_closed"]
    search_fields = ["person__email", "reason"]


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["person", "sent_at", "sent_by", "expires_at", "accepted_at", "revoked_at", "revoked_by"]
    search_fields = ["person__email"]
    exclude = ["token_hash"]
