"""Deficient: the conversations with the LA and the DfE about re-brokerage."""

from django.conf import settings
from django.db import models

from .common import scoped_to


class Counterpart(models.TextChoices):
    LA = "la", "Local authority"
    DFE = "dfe", "DfE"
    BOTH = "both", "LA and DfE"


class RebrokerageConversation(models.Model):
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, related_name="rebrokerage_conversations"
    )
    held_on = models.DateField()
    counterpart = models.CharField("with", max_length=10, choices=Counterpart.choices)
    people = models.CharField("who took part", max_length=300)
    summary = models.TextField()
    next_steps = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_to("school")

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.get_counterpart_display()}, {self.held_on:%-d %B %Y}"
