from django.core.validators import RegexValidator
from django.db import models

from schools.access import access_for


class Phase(models.TextChoices):
    NURSERY = "nursery", "Nursery"
    PRIMARY = "primary", "Primary"
    SECONDARY = "secondary", "Secondary"
    ALL_THROUGH = "all_through", "All-through"
    SPECIAL = "special", "Special"
    ALTERNATIVE_PROVISION = "alternative_provision", "Alternative provision"


class SchoolScopedQuerySet(models.QuerySet):
    """Rows that belong to a school: a person sees the rows of the schools they may see.

    Subclasses name the path to the school in `school_field` (e.g. "audit__school").
    """

    school_field = "school"

    def visible_to(self, user):
        access = access_for(user)
        if access.trust_wide:
            return self.all()
        return self.filter(**{f"{self.school_field}__in": access.school_ids})


class SchoolQuerySet(SchoolScopedQuerySet):
    school_field = "pk"


urn_validator = RegexValidator(r"^\d{6}$", "Enter the school's URN: six digits, like 115123.")


class School(models.Model):
    urn = models.CharField("URN", max_length=6, unique=True, validators=[urn_validator])
    name = models.CharField(max_length=200)
    phase = models.CharField(max_length=30, choices=Phase.choices)
    local_authority = models.CharField(max_length=100)
    la_code = models.CharField("LA code", max_length=3, blank=True)
    pupils_on_roll = models.PositiveIntegerField(null=True, blank=True)
    capacity = models.PositiveIntegerField(null=True, blank=True)
    has_resourced_provision = models.BooleanField("has a resourced provision", default=False)
    joined_on = models.DateField("date joined the trust", null=True, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    gias_updated_at = models.DateTimeField("last updated from GIAS", null=True, blank=True)

    objects = SchoolQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
