from django.conf import settings
from django.db import models

from schools.models import SchoolScopedQuerySet

from .statuses import DIRECTIVE_STATUS_COLOURS, DirectiveStatus


class DirectiveQuerySet(SchoolScopedQuerySet):
    def not_closed(self):
        return self.exclude(status=DirectiveStatus.CLOSED)

    def awaiting_school(self):
        """Open, or returned to the school with a reason: the head can report it done."""
        return self.filter(status__in=[DirectiveStatus.OPEN, DirectiveStatus.RETURNED])


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

    @property
    def status_colour(self):
        return DIRECTIVE_STATUS_COLOURS[self.status]

    @property
    def awaits_school(self):
        """The head can report it done: open, or returned with a reason."""
        return self.status in {DirectiveStatus.OPEN, DirectiveStatus.RETURNED}

    @property
    def is_open(self):
        return self.status == DirectiveStatus.OPEN

    @property
    def last_event(self):
        """The latest move (prefetch `events` when listing)."""
        events = list(self.events.all())
        return events[-1] if events else None

    @property
    def awaits_ceo(self):
        return self.status == DirectiveStatus.REPORTED_DONE

    @property
    def is_overdue(self):
        from django.utils import timezone

        return (
            bool(self.due_on) and self.due_on < timezone.localdate() and self.status != DirectiveStatus.CLOSED
        )


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
