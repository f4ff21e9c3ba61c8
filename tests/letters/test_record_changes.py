"""A correction after a letter went out shows on its page; a decision names the letter that carried it."""

from decimal import Decimal

import pytest

from categorisation.models import Categorisation, FinanceFigures
from categorisation.services import categorisation_decide
from letters.changes import letters_carrying
from tests.categorisation.factories import FinanceFiguresFactory, level
from tests.letters.factories import decide_all, half_term, sent_letter

pytestmark = pytest.mark.django_db


def _issued_with_universal(world):
    term = half_term()
    decide_all(world.school_a, world.ceo, term=term)
    FinanceFiguresFactory(school=world.school_a, half_term=term, updated_by=world.cfo)
    letter = sent_letter(world.school_a, world.ceo, term=term)
    Categorisation.objects.filter(school=world.school_a, half_term=term).update(
        locked_at=letter.issued_at, locked_by=world.ceo
    )
    return letter


def test_a_correction_after_issue_shows_on_the_letter_page_with_a_way_to_correct_it(world, client_as):
    letter = _issued_with_universal(world)
    page = client_as(world.ceo).get(f"/letters/{letter.pk}/").content.decode()
    assert "The record has changed since this letter" not in page

    categorisation_decide(
        school=world.school_a,
        half_term=letter.half_term,
        level=level("education", "concerning"),
        by=world.ceo,
        rationale="The LA's visit found safeguarding gaps.",
        correction_reason="The LA's report arrived after the letter",
    )
    FinanceFigures.objects.filter(school=world.school_a).update(predicted_in_year_outturn=Decimal("-8000"))
    page = client_as(world.ceo).get(f"/letters/{letter.pk}/").content.decode()
    assert "The record has changed since this letter:" in page
    assert "Education: Universal in the letter, Concerning now" in page
    assert "The LA&#x27;s report arrived after the letter" in page
    assert "Predicted in-year outturn: £44,000 in the letter, -£8,000 now" in page
    assert "Issue a corrected letter" in page
    head_page = client_as(world.head_a).get(f"/letters/{letter.pk}/").content.decode()
    assert "The record has changed since this letter:" in head_page
    assert "Issue a corrected letter" not in head_page

    form = client_as(world.ceo).get(f"/letters/{letter.pk}/correct/").content.decode()
    assert "The record changed after this letter: Education: Universal in the letter" in form
    response = client_as(world.ceo).post(f"/letters/{letter.pk}/correct/", {"reason": "Education corrected"})
    assert response.status_code == 302
    page = client_as(world.ceo).get(f"/letters/{letter.pk}/").content.decode()
    assert "A corrected letter has been started" in page and "version 2 (draft)" in page


def test_a_decision_names_the_letter_that_printed_it_not_the_one_dated_after_it(world, client_as):
    letter = _issued_with_universal(world)
    categorisation_decide(
        school=world.school_a,
        half_term=letter.half_term,
        level=level("education", "concerning"),
        by=world.ceo,
        rationale="The LA's visit found safeguarding gaps.",
        correction_reason="The LA's report arrived after the letter",
    )
    decisions = Categorisation.objects.filter(school=world.school_a).select_related("level")
    carried = letters_carrying(decisions)
    corrected = decisions.get(dimension="education", is_current=True)
    printed = decisions.get(dimension="education", revision=1)
    assert carried[printed.pk] == letter and corrected.pk not in carried
    page = client_as(world.ceo).get(f"/categorisation/schools/{world.school_a.urn}/").content.decode()
    assert page.count("In the letter of") == 3, "the three decisions the letter printed, not the correction"
    assert "Not in a letter yet: recorded after the Aut 2, 2026 letter went out" in page
