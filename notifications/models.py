"""Hand-off emails: one `HandOff` row per message and recipient, and one `Digest` a day for the people
who asked for a daily email instead of single ones.

A row names its item (the event says what kind, `item_id` which one) and where it is (school, due date,
link), never the item's own words: directive and action wording can carry safeguarding or HR detail, which
stays behind sign-in.
"""

from django.conf import settings
from django.db import models


class Event(models.TextChoices):
    VOTE_OPENED = "vote_opened", "A vote opened"
    VOTE_CLOSING = "vote_closing", "A vote closes tomorrow"
    VOTE_CLOSED = "vote_closed", "A vote closed"
    DIRECTIVE_REPORTED = "directive_reported", "A directive reported done"
    DIRECTIVE_RETURNED = "directive_returned", "A directive's report returned"
    ACTION_REOPENED = "action_reopened", "An audit action reopened"
    ACTIONS_IMPORTED = "actions_imported", "Audit actions imported"
    ACTION_DUE = "action_due", "An audit action falling due"
    REP_REVIEW_DUE = "rep_review_due", "A REP review due"
    LETTER_UNACKNOWLEDGED = "letter_unacknowledged", "A letter not acknowledged after 10 days"


class SendStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENDING = "sending", "Being sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed (sent again on the next run)"


CLAIMABLE = [SendStatus.PENDING, SendStatus.FAILED]


class Digest(models.Model):
    """One person's daily email listing the hand-offs held for them."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    status = models.CharField(max_length=10, choices=SendStatus.choices, default=SendStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    # When a run took it to send; a claim older than PORTAL_CLAIM_STALE_AFTER is taken back.
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-day", "pk"]
        constraints = [models.UniqueConstraint(fields=["person", "day"], name="one_digest_per_person_a_day")]

    def __str__(self):
        return f"Daily email to {self.person} for {self.day:%-d %B %Y} ({self.get_status_display()})"


class HandOff(models.Model):
    """One message telling one person that an item has landed on their desk."""

    event = models.CharField(max_length=30, choices=Event.choices)
    item_id = models.PositiveBigIntegerField()
    # Tells apart two hand-offs of the same item, e.g. a directive returned twice (the event row's id).
    occurrence = models.CharField(max_length=40, blank=True)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField(null=True, blank=True)
    count = models.PositiveIntegerField(default=1, help_text="How many items the message is about.")
    path = models.CharField(max_length=300, help_text="The item's page, from the portal's root.")
    # Held for the recipient's daily email (they chose it when the hand-off was made) instead of sent alone.
    held_for_digest = models.BooleanField(default=False)
    digest = models.ForeignKey(
        Digest, on_delete=models.PROTECT, null=True, blank=True, related_name="hand_offs"
    )
    status = models.CharField(max_length=10, choices=SendStatus.choices, default=SendStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "item_id", "occurrence", "recipient"], name="one_hand_off_per_person"
            )
        ]
        indexes = [models.Index(fields=["status", "held_for_digest"])]

    def __str__(self):
        return f"{self.get_event_display()} to {self.recipient} ({self.get_status_display()})"


class EmailPreference(models.Model):
    """How a person wants to hear of hand-offs: one email each (the default) or one email a day."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preference"
    )
    daily_digest = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.person}: {'one email a day' if self.daily_digest else 'an email each time'}"
