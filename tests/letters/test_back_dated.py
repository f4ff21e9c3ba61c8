"""A letter back-dated to an earlier half-term shows that half-term's state, not today's."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.utils import timezone

from letters.compose import letter_content
from letters.models import DirectiveEvent, DirectiveStatus
from schools.models import HalfTermNumber
from tests.categorisation.factories import CategorisationFactory, FinanceFiguresFactory, level
from tests.letters.factories import directive, draft_letter, half_term, sent_letter

pytestmark = pytest.mark.django_db


def closed_on(d, day, by):
    """The directive as the CEO closed it on `day` (the record's own time set to that day)."""
    event = DirectiveEvent.objects.create(
        directive=d, from_status=d.status, to_status=DirectiveStatus.CLOSED, by=by, note="Accepted"
    )
    at = timezone.make_aware(datetime.combine(day, time(12)))
    DirectiveEvent.objects.filter(pk=event.pk).update(at=at)
    type(d).objects.filter(pk=d.pk).update(status=DirectiveStatus.CLOSED)


def test_a_letter_back_dated_to_an_earlier_half_term_shows_that_half_terms_state(world):
    aut1, aut2 = half_term(2026, HalfTermNumber.AUTUMN_1), half_term()
    school = world.school_a
    CategorisationFactory(
        school=school, half_term=aut1, level=level("education", "concerning"), decided_by=world.ceo
    )
    CategorisationFactory(
        school=school, half_term=aut2, level=level("education", "universal"), decided_by=world.ceo
    )
    FinanceFiguresFactory(
        school=school, half_term=aut1, predicted_in_year_outturn=Decimal("-5000"), updated_by=world.cfo
    )
    FinanceFiguresFactory(
        school=school, half_term=aut2, predicted_in_year_outturn=Decimal("44000"), updated_by=world.cfo
    )
    summer = sent_letter(school, world.ceo, term=half_term(2025, HalfTermNumber.SUMMER_2))
    type(summer).objects.filter(pk=summer.pk).update(
        issued_at=timezone.make_aware(datetime(2026, 7, 15, 12)), dated=date(2026, 7, 15)
    )
    met_before = directive(summer, world.ceo, text="Met in September")
    closed_on(met_before, date(2026, 9, 20), world.ceo)
    met_after = directive(summer, world.ceo, text="Met in November, after the letter's date")
    closed_on(met_after, date(2026, 11, 10), world.ceo)

    letter = draft_letter(school, world.ceo, term=aut1, dated=date(2026, 10, 16))
    content = letter_content(letter)
    assert content["education"]["name"] == "Concerning", "Aut 1's category, not today's"
    assert content["finance_figures"]["in_year"] == "-£5,000"
    assert content["dated"] == "16 October 2026"
    shown = {d["text"]: d["met"] for d in content["directives"]}
    assert shown == {"Met in September": True, "Met in November, after the letter's date": False}

    # Once that letter has gone out, the next one strikes through only what was met since.
    type(letter).objects.filter(pk=letter.pk).update(
        status="issued", issued_at=timezone.make_aware(datetime(2026, 10, 16, 17)), content=content
    )
    today = letter_content(draft_letter(school, world.ceo, term=aut2))
    assert today["education"]["name"] == "Universal"
    assert {d["text"]: d["met"] for d in today["directives"]} == {
        "Met in November, after the letter's date": True
    }, "met since the last letter: struck through once; the September one has left the list"
