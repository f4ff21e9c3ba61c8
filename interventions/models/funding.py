"""A request for extra funding from a school's reserves while it is on a REP, which the CEO decides."""

from django.conf import settings
from django.db import models

from .common import scoped_to
from .rep import Rep


class FundingRequestStatus(models.TextChoices):
    AWAITING = "awaiting", "Awaiting the CEO's decision"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"


# A request is decided once: approved (the REP records the funding) or declined with the reason.
FUNDING_REQUEST_MOVES = {
    FundingRequestStatus.AWAITING: {FundingRequestStatus.APPROVED, FundingRequestStatus.DECLINED},
    FundingRequestStatus.APPROVED: set(),
    FundingRequestStatus.DECLINED: set(),
}


class RepFundingRequest(models.Model):
    rep = models.ForeignKey(Rep, on_delete=models.PROTECT, related_name="funding_requests")
    amount = models.DecimalField("extra funding asked for", max_digits=10, decimal_places=2)
    reason = models.TextField("what the funding is for")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=10, choices=FundingRequestStatus.choices, default=FundingRequestStatus.AWAITING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True)
    decision_note = models.TextField("why it was declined", blank=True)

    objects = scoped_to("rep__school")

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rep"],
                condition=models.Q(status="awaiting"),
                name="one_awaiting_funding_request_per_rep",
            ),
        ]

    def __str__(self):
        return f"£{self.amount:,.2f} for the {self.rep}"

    @property
    def is_awaiting(self):
        return self.status == FundingRequestStatus.AWAITING
