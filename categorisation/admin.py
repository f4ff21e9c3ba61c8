"""Back office: the ladder is edited here; decisions and votes are records, shown read-only."""

from django.contrib import admin

from trust_portal.admin import ReadOnlyAdmin

from .models import (
    AllowedMove,
    Categorisation,
    Characteristic,
    FinanceFigures,
    Ladder,
    Level,
    Vote,
    VoteMember,
    VoteMessage,
    VotePolicy,
)


class LevelInline(admin.TabularInline):
    model = Level
    extra = 0
    fields = ["dimension", "position", "code", "name", "label", "colour"]
    show_change_link = True


class AllowedMoveInline(admin.TabularInline):
    model = AllowedMove
    extra = 0


@admin.register(Ladder)
class LadderAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active"]
    inlines = [LevelInline, AllowedMoveInline]


class CharacteristicInline(admin.TabularInline):
    model = Characteristic
    extra = 0


@admin.register(Level)
class LevelAdmin(admin.ModelAdmin):
    list_display = ["name", "dimension", "position", "label", "colour", "ladder"]
    list_filter = ["ladder", "dimension"]
    inlines = [CharacteristicInline]


@admin.register(Categorisation)
class CategorisationAdmin(ReadOnlyAdmin):
    list_display = [
        "school",
        "half_term",
        "dimension",
        "level",
        "revision",
        "is_current",
        "route",
        "decided_by",
    ]
    list_filter = ["dimension", "half_term", "route", "is_current"]
    search_fields = ["school__name", "school__urn"]


class VoteMemberInline(admin.TabularInline):
    model = VoteMember
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    list_display = ["school", "dimension", "from_level", "proposed_level", "status", "opened_at"]
    list_filter = ["status", "dimension"]
    inlines = [VoteMemberInline]


@admin.register(VotePolicy)
class VotePolicyAdmin(admin.ModelAdmin):
    """The trust's vote rules (closing date, quorum, majority) are policy data the CEO edits here."""

    list_display = ["trust", "days_open", "quorum_percent", "carried_percent", "minimum_votes"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(VoteMessage)
class VoteMessageAdmin(ReadOnlyAdmin):
    list_display = ["vote", "member", "event", "status", "sent_at"]
    list_filter = ["event", "status"]


@admin.register(FinanceFigures)
class FinanceFiguresAdmin(ReadOnlyAdmin):
    list_display = ["school", "half_term", "gag", "reserves", "predicted_in_year_outturn", "updated_by"]
    list_filter = ["half_term"]
    search_fields = ["school__name", "school__urn"]
