"""What was decided: a school's category per half-term and dimension (with revisions), and finance figures."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q

from schools.models import SchoolScopedQuerySet

from .ladder import Dimension, Level, Route


class CategorisationQuerySet(SchoolScopedQuerySet):
    def current(self):
        return self.filter(is_current=True)


class Categorisation(models.Model):
    """One revision of a school's category in a dimension for a half-term.

    Never edited in place: every decision (including staying at a level, and a correction after the
    letter has gone out) is a new revision; the one before stays in the history with `is_current` off.
    """

    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="categorisations")
    half_term = models.ForeignKey(
        "schools.HalfTerm", on_delete=models.PROTECT, related_name="categorisations"
    )
    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="categorisations")
    characteristics = models.ManyToManyField(
        "categorisation.Characteristic", blank=True, related_name="categorisations"
    )
    rationale = models.TextField(blank=True)
    route = models.CharField(max_length=20, choices=Route.choices)
    vote = models.ForeignKey(
        "categorisation.Vote", on_delete=models.PROTECT, null=True, blank=True, related_name="categorisations"
    )
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField()
    revision = models.PositiveSmallIntegerField(default=1)
    is_current = models.BooleanField(default=True)
    correction_reason = models.TextField(
        blank=True, help_text="Why a decision that had gone out in a letter was corrected."
    )
    locked_at = models.DateTimeField(
        null=True, blank=True, help_text="When this half-term's letter went out with this decision."
    )
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = CategorisationQuerySet.as_manager()

    class Meta:
        ordering = ["school", "half_term__starts_on", "dimension", "revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "half_term", "dimension", "revision"],
                name="one_categorisation_per_revision",
            ),
            models.UniqueConstraint(
                fields=["school", "half_term", "dimension"],
                condition=Q(is_current=True),
                name="one_current_categorisation",
            ),
        ]
        indexes = [models.Index(fields=["half_term", "is_current"])]

    def __str__(self):
        return f"{self.school} {self.half_term} {self.get_dimension_display()}: {self.level.name}"

    @property
    def is_locked(self):
        return self.locked_at is not None


class FinanceFiguresQuerySet(SchoolScopedQuerySet):
    pass


class FinanceFigures(models.Model):
    """A school's finance figures for a half-term, as the CFO's team reports them (money in pounds)."""

    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="finance_figures")
    half_term = models.ForeignKey(
        "schools.HalfTerm", on_delete=models.PROTECT, related_name="finance_figures"
    )
    budget_balanced_3_years = models.BooleanField("working budget balances for 3 years")
    predicted_in_year_outturn = models.DecimalField(
        max_digits=12, decimal_places=2, help_text="Negative for a deficit, e.g. -12000."
    )
    predicted_carry_forward = models.DecimalField(
        "predicted cumulative outturn at 31 August (carry forward)", max_digits=12, decimal_places=2
    )
    carry_forward_target = models.DecimalField(max_digits=12, decimal_places=2)
    gag = models.DecimalField("GAG (General Annual Grant)", max_digits=12, decimal_places=2)
    reserves = models.DecimalField(max_digits=12, decimal_places=2)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    objects = FinanceFiguresQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "finance figures"
        ordering = ["school", "half_term__starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["school", "half_term"], name="one_finance_figures_per_half_term"),
        ]

    def __str__(self):
        return f"{self.school} {self.half_term} finance figures"

    @property
    def reserves_percent_of_gag(self) -> Decimal | None:
        if not self.gag:
            return None
        return (Decimal(100) * self.reserves / self.gag).quantize(Decimal("0.1"))
