"""Votes on a proposed move: who sits on the panel, and how each member voted."""

from django.conf import settings
from django.db import models

from schools.models import SchoolScopedQuerySet
from schools.roles import Role

from .ladder import Dimension, Level, Route


class VoteStatus(models.TextChoices):
    OPEN = "open", "Open"
    CARRIED = "carried", "Carried"
    NOT_CARRIED = "not_carried", "Not carried"
    WITHDRAWN = "withdrawn", "Withdrawn"


# The one table of moves a vote may make.
VOTE_STATUS_MOVES = {
    VoteStatus.OPEN: {VoteStatus.CARRIED, VoteStatus.NOT_CARRIED, VoteStatus.WITHDRAWN},
    VoteStatus.CARRIED: set(),
    VoteStatus.NOT_CARRIED: set(),
    VoteStatus.WITHDRAWN: set(),
}


class Choice(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"
    ABSTAIN = "abstain", "Abstain"


class VoteQuerySet(SchoolScopedQuerySet):
    pass


class Vote(models.Model):
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="category_votes")
    half_term = models.ForeignKey("schools.HalfTerm", on_delete=models.PROTECT, related_name="+")
    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    from_level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="+")
    proposed_level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="+")
    route = models.CharField(max_length=20, choices=Route.choices)
    motion = models.TextField(help_text="Why the move is proposed.")
    status = models.CharField(max_length=20, choices=VoteStatus.choices, default=VoteStatus.OPEN)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField()
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome_note = models.TextField(blank=True)

    objects = VoteQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at"]

    def __str__(self):
        move = f"{self.from_level.name} -> {self.proposed_level.name}"
        return f"{self.school}: {move} ({self.get_dimension_display()})"


class VoteMember(models.Model):
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    capacity = models.CharField(max_length=30, choices=Role.choices, help_text="The role they sit in.")
    choice = models.CharField(max_length=10, choices=Choice.choices, blank=True)
    comment = models.TextField(blank=True)
    declared_interest = models.TextField(blank=True)
    voted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["vote", "capacity", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "person"], name="one_seat_per_person_per_vote"),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_capacity_display()})"
