"""Votes on a proposed move: the trust's vote policy, who sits on the panel, how each member voted, and
the emails the panel is sent (one row per member and event, so each goes once)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
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


class VotePolicyManager(models.Manager):
    def for_trust(self, trust=None):
        """The trust's vote policy; the defaults (a majority of the panel, a majority of votes cast) until
        the CEO edits it in the back office."""
        from schools.models import Trust

        trust = trust or Trust.objects.get_current()
        return self.filter(trust=trust).first() or self.model(trust=trust)  # nothing written on a read


class VotePolicy(models.Model):
    """The trust's rules for a panel or Trust Board vote: how long it stays open, its quorum, and what
    carries a motion. Edited in the back office."""

    trust = models.OneToOneField("schools.Trust", on_delete=models.CASCADE, related_name="vote_policy")
    days_open = models.PositiveSmallIntegerField(
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text="The closing date a vote is given when it opens, in days (the CEO may change it).",
    )
    quorum_percent = models.PositiveSmallIntegerField(
        default=50,
        validators=[MaxValueValidator(99)],
        help_text="Quorum: more than this share (%) of the panel must have voted. Members who step aside "
        "are out of the count. 50 means a majority.",
    )
    carried_percent = models.PositiveSmallIntegerField(
        default=50,
        validators=[MinValueValidator(50), MaxValueValidator(99)],
        help_text="A motion is carried when the votes for are more than this share (%) of the votes for "
        "and against. 50 means a simple majority; a tie is not carried.",
    )
    minimum_votes = models.PositiveSmallIntegerField(
        default=2,
        validators=[MinValueValidator(2)],
        help_text="However small the panel, at least this many members must vote: no one carries a "
        "vote alone.",
    )

    objects = VotePolicyManager()

    class Meta:
        verbose_name_plural = "vote policy"

    def __str__(self):
        return f"Vote policy of {self.trust}"


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
    closes_on = models.DateField(
        null=True, help_text="From this date the vote may be closed if the quorum has voted."
    )
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
    stepped_aside_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Stepped aside for a declared interest: not voting, out of the quorum.",
    )

    class Meta:
        ordering = ["vote", "capacity", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "person"], name="one_seat_per_person_per_vote"),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_capacity_display()})"

    @property
    def has_voted(self):
        return bool(self.choice)

    @property
    def stepped_aside(self):
        return self.stepped_aside_at is not None


class VoteEvent(models.TextChoices):
    OPENED = "opened", "Vote opened"
    REMINDER = "reminder", "Reminder before the closing date"
    OUTCOME = "outcome", "Outcome"


class MessageStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENDING = "sending", "Being sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed (sent again by the next run)"


class VoteMessage(models.Model):
    """One email to one panel member about one event of a vote. The unique constraint and the claim
    (a conditional update PENDING -> SENDING) are what make each email go exactly once."""

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="messages")
    member = models.ForeignKey(VoteMember, on_delete=models.CASCADE, related_name="messages")
    event = models.CharField(max_length=20, choices=VoteEvent.choices)
    status = models.CharField(max_length=20, choices=MessageStatus.choices, default=MessageStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    # When a run took the message to send; a claim older than PORTAL_CLAIM_STALE_AFTER is taken back.
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["vote", "event", "member"]
        constraints = [
            models.UniqueConstraint(fields=["member", "event"], name="one_vote_message_per_member_event"),
        ]

    def __str__(self):
        return f"{self.get_event_display()} to {self.member}"
