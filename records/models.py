"""The record: an append-only log of the trust's decisions, each entry chained to the one before by its
SHA-256, so a row changed or removed in the database afterwards shows when the chain is walked."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

GENESIS_HASH = "0" * 64


class ChainHead(models.Model):
    """The single row every append locks first (an UPDATE, which takes a row lock on PostgreSQL and the
    write lock on SQLite), so two appends cannot both build on the same last entry."""

    sequence = models.PositiveBigIntegerField(default=0, help_text="The last entry's number.")
    hash = models.CharField(max_length=64, default=GENESIS_HASH, help_text="The last entry's hash.")

    def __str__(self):
        return f"Record head at entry {self.sequence}"


class Entry(models.Model):
    sequence = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=254, blank=True, help_text="Who acted, as they were then.")
    event = models.CharField(max_length=60, help_text='What happened, e.g. "categorisation.decided".')
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject_id = models.CharField(max_length=64, blank=True)
    subject_label = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["sequence"]
        verbose_name_plural = "entries"

    def __str__(self):
        return f"#{self.sequence} {self.event}: {self.subject_label}"
