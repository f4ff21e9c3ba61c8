from django.conf import settings
from django.db import models
from django.db.models import Q

from kpis.measures import RULES, Measure
from schools.models import Phase, SchoolScopedQuerySet

NATIONAL = "National"


class KpiResultQuerySet(SchoolScopedQuerySet):
    school_field = "school"


class KpiResult(models.Model):
    """A school's published figure for one measure in one academic year (attendance: at one half-term).

    Set only by `kpis.services.kpi_results_import`; a re-import updates the same row.
    """

    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="kpi_results")
    academic_year = models.ForeignKey("schools.AcademicYear", on_delete=models.PROTECT, related_name="+")
    measure = models.CharField(max_length=20, choices=Measure.choices)
    # Attendance only: the half-term the year-to-date figure runs to.
    half_term = models.ForeignKey(
        "schools.HalfTerm", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    all_pupils = models.DecimalField(max_digits=5, decimal_places=1)
    disadvantaged = models.DecimalField(
        "disadvantaged pupils (PPG)", max_digits=5, decimal_places=1, null=True, blank=True
    )
    cohort = models.PositiveIntegerField("pupils in the cohort")
    disadvantaged_cohort = models.PositiveIntegerField(
        "disadvantaged pupils in the cohort", null=True, blank=True
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField()
    source = models.ForeignKey(
        "kpis.KpiImport",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The import that last set these figures.",
    )

    objects = KpiResultQuerySet.as_manager()

    class Meta:
        ordering = ["school__name", "academic_year__starts_on", "measure"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "academic_year", "measure"],
                condition=Q(half_term__isnull=True),
                name="one_kpi_result_per_school_year_measure",
            ),
            models.UniqueConstraint(
                fields=["school", "measure", "half_term"],
                condition=Q(half_term__isnull=False),
                name="one_kpi_result_per_school_measure_half_term",
            ),
            models.CheckConstraint(
                condition=(Q(measure=Measure.ATTENDANCE) & Q(half_term__isnull=False))
                | (~Q(measure=Measure.ATTENDANCE) & Q(half_term__isnull=True)),
                name="kpi_result_half_term_for_attendance_only",
            ),
        ]

    def __str__(self):
        when = self.half_term.label if self.half_term_id else self.academic_year.name
        return f"{self.school} {self.get_measure_display()} {when}"


class Comparator(models.Model):
    """A local authority's or the national figure for a measure, to set a school's figure against.

    `area` is a local authority's name (e.g. "Essex") or "National"; national figures are often a year
    behind, so `figure_year` says which year's figure it is ("National 2024").
    """

    measure = models.CharField(max_length=20, choices=Measure.choices)
    academic_year = models.ForeignKey("schools.AcademicYear", on_delete=models.PROTECT, related_name="+")
    area = models.CharField(max_length=100)
    # Attendance differs a lot by phase (secondaries run lower than primaries), so a figure may be for one
    # phase only; a school is compared with its phase's figure when there is one, else the all-schools one.
    phase = models.CharField(
        max_length=30, choices=Phase.choices, blank=True, help_text="Empty: a figure for all schools."
    )
    all_pupils = models.DecimalField(max_digits=5, decimal_places=1)
    disadvantaged = models.DecimalField(
        "disadvantaged pupils", max_digits=5, decimal_places=1, null=True, blank=True
    )
    figure_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year the figure was published for, e.g. 2024."
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField()
    source = models.ForeignKey(
        "kpis.KpiImport", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["academic_year__starts_on", "measure", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "academic_year", "area", "phase"],
                name="one_comparator_per_measure_year_area_phase",
            ),
        ]

    def __str__(self):
        return f"{self.label} {self.get_measure_display()} {self.academic_year}"

    @property
    def unit(self):
        return RULES[self.measure].unit

    @property
    def is_national(self):
        return self.area == NATIONAL

    @property
    def label(self):
        """`Essex` or `National 2024`, as the letter writes it."""
        if self.is_national and self.figure_year:
            return f"{NATIONAL} {self.figure_year}"
        return self.area
