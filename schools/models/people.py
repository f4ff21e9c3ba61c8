from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from schools.roles import SCHOOL_ROLES, Role


class AppointmentQuerySet(models.QuerySet):
    def current(self, on=None):
        """Appointments in force on a day (today by default). Ended or deactivated ones give no access."""
        on = on or timezone.localdate()
        return self.filter(is_active=True, starts_on__lte=on).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=on)
        )

    def for_school(self, school, roles=None):
        qs = self.filter(school=school)
        return qs.filter(role__in=roles) if roles else qs


class Appointment(models.Model):
    """A person's role: trust-wide (CEO, CFO, trustee...) or at one school (head, LSB chair, mentor)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointments"
    )
    role = models.CharField(max_length=30, choices=Role.choices)
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, null=True, blank=True, related_name="appointments"
    )
    starts_on = models.DateField(default=timezone.localdate)
    ends_on = models.DateField(null=True, blank=True, help_text="Last day in post, if known.")
    is_active = models.BooleanField(
        default=True, help_text="Untick to remove this person's access through this role at once."
    )
    note = models.CharField(max_length=200, blank=True, help_text="e.g. mentor time: 0.5 days a week")

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["role", "school__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="appointment_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        where = f" at {self.school}" if self.school_id else ""
        return f"{self.person} - {self.get_role_display()}{where}"

    def clean(self):
        if self.role in SCHOOL_ROLES and not self.school_id:
            raise ValidationError({"school": f"Choose the school for a {self.get_role_display()}."})
        if self.role not in SCHOOL_ROLES and self.school_id:
            raise ValidationError(
                {"school": f"A {self.get_role_display()} works across the trust: leave school empty."}
            )
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The last day in post must be on or after the start date."})
