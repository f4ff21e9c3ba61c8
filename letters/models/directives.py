from django.conf import settings
from django.db import models

from schools.models import SchoolScopedQuerySet

from .statuses import DirectiveStatus


class DirectiveQuerySet(SchoolScopedQuerySet):
    def not_closed(self):
        return self.exclude(status=DirectiveStatus.CLOSED)


class Directive(models.Model):
    """Something the CEO directs a school to do, set in a letter and shown on every later one until closed."""

    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="directives")
    letter = models.ForeignKey("letters.Letter", on_delete=models.PROTECT, related_name="directives_set")
    half_term = models.ForeignKey("schools.HalfTerm", on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    due_on = models.DateField("due date", null=True, blank=True)
    status = models.CharField(max_length=20, choices=DirectiveStatus.choices, default=DirectiveStatus.OPEN)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now_add=True)

    objects = DirectiveQuerySet.as_manager()

    class Meta:
        ordering = ["half_term__starts_on", "set_at", "pk"]
        indexes = [models.Index(fields=["school", "status"])]

    def __str__(self):
        return f"{self.half_term.letter_label}: {self.text[:60]}"


class DirectiveEventQuerySet(SchoolScopedQuerySet):
    school_field = "directive__school"


class DirectiveEvent(models.Model):
    """The record of every move of a directive: who, what, when and why."""

    directive = models.ForeignKey(Directive, on_delete=models.PROTECT, related_name="events")
    from_status = models.CharField(max_length=20, choices=DirectiveStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=DirectiveStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True, help_text="What was done, or why it was returned.")
    done_on = models.DateField(null=True, blank=True)

    objects = DirectiveEventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.directive_id}: {self.from_status} -> {self.to_status}"
