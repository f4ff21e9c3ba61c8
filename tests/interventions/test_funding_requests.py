"""The school (or the EHT) asks for extra funding from reserves for its REP; the CEO approves or declines."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from interventions import services
from interventions.models import FundingRequestStatus
from tests.interventions import scenario


def test_the_head_asks_and_the_ceo_approves_the_rep_then_records_the_funding(world):
    rep = scenario.rep(world)
    with pytest.raises(PermissionDenied):
        services.rep_funding_request(rep=rep, amount=Decimal("5000"), reason="A specialist", by=world.head_b)
    with pytest.raises(ValidationError, match="Say what the funding is for"):
        services.rep_funding_request(rep=rep, amount=Decimal("5000"), reason=" ", by=world.head_a)
    request = services.rep_funding_request(
        rep=rep, amount=Decimal("5000"), reason="A reading specialist", by=world.head_a
    )
    with pytest.raises(ValidationError, match="already waiting"):
        services.rep_funding_request(rep=rep, amount=Decimal("100"), reason="More", by=world.head_a)
    with pytest.raises(PermissionDenied):
        services.rep_funding_decide(request=request, approve=True, by=world.cfo)

    request = services.rep_funding_decide(request=request, approve=True, by=world.ceo)
    rep.refresh_from_db()
    assert request.status == FundingRequestStatus.APPROVED and request.decided_by == world.ceo
    assert (rep.funding_amount, rep.funding_approved_by) == (Decimal("5000.00"), world.ceo)
    with pytest.raises(ValidationError, match="approved already"):
        services.rep_funding_decide(request=request, approve=False, note="No", by=world.ceo)


def test_a_declined_request_needs_the_reason_and_leaves_the_rep_without_funding(world):
    request = scenario.funding_request(world)
    with pytest.raises(ValidationError, match="Say why the request is declined"):
        services.rep_funding_decide(request=request, approve=False, note="", by=world.ceo)
    request = services.rep_funding_decide(
        request=request, approve=False, note="Reserves are below 3%.", by=world.ceo
    )
    request.rep.refresh_from_db()
    assert request.status == FundingRequestStatus.DECLINED and request.rep.funding_amount is None
    # Decided: the school may ask again.
    services.rep_funding_request(rep=request.rep, amount=Decimal("2000"), reason="Smaller", by=world.head_a)


def test_the_pages_ask_and_decide_through_the_services(world, client_as):
    rep = scenario.rep(world)
    ask = reverse("interventions:rep_funding_request", args=[rep.pk])
    page = client_as(world.head_a).post(ask, {"amount": "", "reason": ""}).content.decode()
    assert "There is a problem" in page and "Enter the amount" in page
    response = client_as(world.head_a).post(ask, {"amount": "4000", "reason": "Maths tutor"})
    assert response.status_code == 302
    request = rep.funding_requests.get()
    detail = client_as(world.ceo).get(reverse("interventions:rep_detail", args=[rep.pk])).content.decode()
    assert (
        "Maths tutor" in detail
        and reverse("interventions:funding_request_decide", args=[request.pk]) in detail
    )
    decide = reverse("interventions:funding_request_decide", args=[request.pk])
    page = client_as(world.ceo).post(decide, {"decision": "decline", "note": ""}).content.decode()
    assert "Say why the request is declined" in page
    assert client_as(world.ceo).post(decide, {"decision": "approve"}).status_code == 302
    request.refresh_from_db()
    assert request.status == FundingRequestStatus.APPROVED
    assert client_as(world.ceo).get(decide).status_code == 403  # decided already
