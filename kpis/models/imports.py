from django.conf import settings
from django.db import models


class ImportKind(models.TextChoices):
    # Labels read as the object of "Import ...": "Import KPI results".
    KPI_RESULTS = "kpi-results", "KPI results"
    COMPARATORS = "comparators", "KPI comparators"
    FINANCE_FIGURES = "finance-figures", "finance figures"


class ImportStatus(models.TextChoices):
    PREVIEWED = "previewed", "Waiting for confirmation"
    APPLIED = "applied", "Saved"


# The only move: a previewed file is saved once. A saved import is a record and does not change.
IMPORT_MOVES = {
    ImportStatus.PREVIEWED: {ImportStatus.APPLIED},
    ImportStatus.APPLIED: set(),
}


class KpiImport(models.Model):
    """An uploaded file that read without errors, kept so the person can check the preview and confirm.

    Nothing in it reaches the results until `kpis.services.kpi_import_confirm`; afterwards it is the record
    of who imported what, when, and what it added and changed.
    """

    kind = models.CharField(max_length=20, choices=ImportKind.choices)
    filename = models.CharField(max_length=200)
    content = models.BinaryField()
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.PREVIEWED)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField()
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    applied_at = models.DateTimeField(null=True, blank=True)
    summary = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self):
        return f"{self.get_kind_display()} import {self.filename} ({self.get_status_display()})"
