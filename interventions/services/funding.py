"""Asking for extra funding from a school's reserves while it is on a REP, and the CEO's decision."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .. import permissions
from ..models import FUNDING_REQUEST_MOVES, FundingRequestStatus, Rep, RepFundingRequest
from .common import event_record, require_open, require_text
from .rep import rep_funding_approve


def rep_funding_request(*, rep: Rep, amount: Decimal, reason: str, by) -> RepFundingRequest:
    """The EHT or the school's head asks the CEO for extra funding from the school's reserves."""
    permissions.require(
        permissions.may_request_funding(by, rep),
        "Only the CEO, the EHT or the school's head asks for extra funding for a REP.",
    )
    if amount is None or amount <= 0:
        raise ValidationError("Enter the amount asked for, more than £0.")
    reason = require_text(reason, "Say what the funding is for, so the CEO can decide.")
    with transaction.atomic():
        rep = Rep.objects.select_for_update().get(pk=rep.pk)
        require_open(rep, "REP")
        waiting = rep.funding_requests.filter(status=FundingRequestStatus.AWAITING).first()
        if waiting:
            raise ValidationError(
                f"A request for £{waiting.amount:,.2f} is already waiting for the CEO's decision. "
                "Wait for that decision before asking again."
            )
        request = RepFundingRequest.objects.create(rep=rep, amount=amount, reason=reason, requested_by=by)
        event_record(
            record=rep, school=rep.school, action="Extra funding requested", by=by, detail=f"£{amount:,.2f}"
        )
    return request


def rep_funding_decide(*, request: RepFundingRequest, approve: bool, note: str = "", by) -> RepFundingRequest:
    """The CEO approves the request (the REP records the funding) or declines it with the reason."""
    permissions.require(
        permissions.may_approve_funding(by), "Only the CEO decides requests for extra funding."
    )
    status = FundingRequestStatus.APPROVED if approve else FundingRequestStatus.DECLINED
    if not approve:
        note = require_text(note, "Say why the request is declined, so the school knows.")
    with transaction.atomic():
        request = (
            RepFundingRequest.objects.select_for_update().select_related("rep__school").get(pk=request.pk)
        )
        if status not in FUNDING_REQUEST_MOVES[FundingRequestStatus(request.status)]:
            raise ValidationError(f"This request was {request.get_status_display().lower()} already.")
        today = timezone.localdate()
        if approve:
            rep_funding_approve(rep=request.rep, amount=request.amount, approved_on=today, by=by)
        else:
            require_open(request.rep, "REP")
            event_record(
                record=request.rep,
                school=request.rep.school,
                action="Extra funding declined",
                by=by,
                detail=note,
            )
        request.status, request.decided_by, request.decided_on, request.decision_note = (
            status,
            by,
            today,
            note,
        )
        request.save()
    return request
