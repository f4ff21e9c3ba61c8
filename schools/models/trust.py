from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class TrustManager(models.Manager):
    def get_current(self):
        """The trust this portal serves. There is one; a fresh install gets a placeholder to rename."""
        trust = self.order_by("pk").first()
        if trust is None:
            trust = self.create(name="The Trust", comparator_local_authority="England")
        return trust


class Trust(models.Model):
    """The trust's own settings and policy thresholds, edited in the admin."""

    name = models.CharField(max_length=200)
    gias_trust_code = models.CharField(
        "GIAS trust code",
        max_length=20,
        blank=True,
        help_text="The 'Trusts (code)' value in the GIAS export; used to pick this trust's schools.",
    )
    comparator_local_authority = models.CharField(
        max_length=100,
        help_text='The local authority whose figures the letters compare against, e.g. "Essex".',
    )
    reserves_target_percent = models.DecimalField(
        "reserves target (% of GAG)",
        max_digits=5,
        decimal_places=2,
        default=Decimal("5.00"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Universal finance: reserves at or above this share of GAG.",
    )
    reserves_floor_percent = models.DecimalField(
        "reserves floor (% of GAG)",
        max_digits=5,
        decimal_places=2,
        default=Decimal("3.00"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Poor finance: reserves below this share of GAG.",
    )
    support_email = models.EmailField(blank=True)
    logo = models.FileField(
        "letterhead logo",
        blank=True,
        editable=False,
        help_text="PNG or JPEG printed at the top of the CEO letters; set on the trust settings page.",
    )

    objects = TrustManager()

    def __str__(self):
        return self.name

    def clean(self):
        if self.reserves_floor_percent > self.reserves_target_percent:
            raise ValidationError(
                {"reserves_floor_percent": "The reserves floor cannot be above the reserves target."}
            )
