from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class AcademicYear(models.Model):
    """1 September to 31 August, written like 2025-26."""

    starts_on = models.DateField(unique=True)
    ends_on = models.DateField()

    class Meta:
        ordering = ["starts_on"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return f"{self.starts_on.year}-{str(self.starts_on.year + 1)[-2:]}"

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on <= self.starts_on:
            raise ValidationError({"ends_on": "The year must end after it starts."})


class HalfTermNumber(models.IntegerChoices):
    AUTUMN_1 = 1, "Autumn 1"
    AUTUMN_2 = 2, "Autumn 2"
    SPRING_1 = 3, "Spring 1"
    SPRING_2 = 4, "Spring 2"
    SUMMER_1 = 5, "Summer 1"
    SUMMER_2 = 6, "Summer 2"


SHORT_NAMES = {1: "Aut 1", 2: "Aut 2", 3: "Spr 1", 4: "Spr 2", 5: "Sum 1", 6: "Sum 2"}


class HalfTermQuerySet(models.QuerySet):
    def current(self, on=None):
        """The half-term a day falls in or, in a holiday, the last one that has started."""
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on).order_by("-starts_on").first()


class HalfTerm(models.Model):
    academic_year = models.ForeignKey(AcademicYear, on_delete=models.PROTECT, related_name="half_terms")
    number = models.PositiveSmallIntegerField(choices=HalfTermNumber.choices)
    starts_on = models.DateField()
    ends_on = models.DateField()

    objects = HalfTermQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["academic_year", "number"], name="one_half_term_per_number_per_year"
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """`Aut 2, 2025`: the half-term and the calendar year it falls in."""
        return f"{SHORT_NAMES[self.number]}, {self.starts_on.year}"

    @property
    def letter_label(self):
        """`Aut 2, 25`: as the CEO letter writes it beside a directive."""
        return f"{SHORT_NAMES[self.number]}, {str(self.starts_on.year)[-2:]}"

    @property
    def long_label(self):
        return f"{self.get_number_display()} {self.academic_year.name}"

    def previous(self):
        return HalfTerm.objects.filter(starts_on__lt=self.starts_on).order_by("-starts_on").first()

    def next(self):
        return HalfTerm.objects.filter(starts_on__gt=self.starts_on).order_by("starts_on").first()

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "A half-term must end on or after the day it starts."})
