from django.conf import settings
from django.db import models

from .statuses import BatchKind, ItemStatus


class LetterBatch(models.Model):
    """One click of "approve all" or "issue all" for a half-term, and its progress."""

    kind = models.CharField(max_length=20, choices=BatchKind.choices)
    half_term = models.ForeignKey("schools.HalfTerm", on_delete=models.PROTECT, related_name="+")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name_plural = "letter batches"

    def __str__(self):
        return f"{self.get_kind_display()} for {self.half_term.label}"


class LetterBatchItem(models.Model):
    """One letter's part in a batch; its own task claims it, and the progress bar counts these."""

    batch = models.ForeignKey(LetterBatch, on_delete=models.CASCADE, related_name="items")
    letter = models.ForeignKey("letters.Letter", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=ItemStatus.choices, default=ItemStatus.PENDING)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # When a task for it was last handed to the queue (empty: none has been), and when a worker took it.
    # The sweeper re-queues a waiting item whose task is long gone, and takes back a stale claim.
    queued_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["letter__school__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "letter"], name="a_letter_once_per_batch"),
        ]

    def __str__(self):
        return f"{self.batch}: {self.letter.school} ({self.get_status_display()})"
