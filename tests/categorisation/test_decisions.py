import pytest
from django.core.exceptions import ValidationError

from categorisation.models import Categorisation, Characteristic, Dimension, Route
from categorisation.services import categorisation_decide, categorisations_lock
from tests.categorisation.factories import CategorisationFactory, level


def decide(world, half_term, dimension, code, by=None, **extra):
    return categorisation_decide(
        school=world.school_a, half_term=half_term, level=level(dimension, code), by=by or world.ceo, **extra
    )


def test_a_refused_move_says_why_and_where_the_school_may_go(world, aut1, aut2):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "universal"))
    with pytest.raises(ValidationError) as refusal:
        decide(world, aut2, "education", "poor", rationale="Safeguarding failings.")
    assert refusal.value.messages == [
        "Ashdown Primary Academy cannot move from Universal to Poor in education: the trust's rules do not "
        "allow that move. From Universal it can move to: Concerning (the CEO's decision)."
    ]
    assert not Categorisation.objects.filter(half_term=aut2).exists()


def test_a_move_that_needs_a_vote_is_refused_with_the_panel_named(world, aut1, aut2):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "poor"))
    with pytest.raises(ValidationError) as refusal:
        decide(world, aut2, "education", "unacceptable", rationale="Warning-notice targets missed.")
    assert refusal.value.messages == [
        "Moving Ashdown Primary Academy from Poor to Unacceptable in education needs a vote by the CEO, "
        "the LSB chair, the HT/EHT, the mentor and the E&S chair: open a vote on the school's page."
    ]


def test_the_cfo_may_not_move_a_school_into_finance_concerning(world, aut1, aut2):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("finance", "universal"))
    with pytest.raises(ValidationError) as refusal:
        decide(world, aut2, "finance", "concerning", by=world.cfo, rationale="Deficit possible.")
    assert refusal.value.messages == [
        "You cannot make this decision: moving Ashdown Primary Academy from Universal to Concerning in "
        "finance is the CEO's decision."
    ]


def test_the_cfo_may_return_a_school_from_finance_concerning_to_universal(world, aut1, aut2):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("finance", "concerning"))
    record = decide(world, aut2, "finance", "universal", by=world.cfo, rationale="FREP actions met in time.")
    assert record.route == Route.CEO_OR_CFO and record.decided_by == world.cfo


def test_a_change_of_level_needs_a_rationale(world, aut1, aut2):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "universal"))
    with pytest.raises(ValidationError, match="Write the rationale for moving Ashdown Primary Academy"):
        decide(world, aut2, "education", "concerning", rationale="  ")


def test_staying_at_a_level_is_recorded_without_a_rationale(world, aut1, aut2):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "concerning"))
    record = decide(world, aut2, "education", "concerning")
    assert record.level.code == "concerning" and record.route == Route.CEO and record.revision == 1


def test_a_first_placement_may_be_at_any_level(world, aut2):
    record = decide(world, aut2, "finance", "unacceptable", rationale="Joined the trust in deficit.")
    assert record.level.code == "unacceptable"


def test_the_ticked_characteristics_are_recorded_and_must_be_of_the_dimension(world, aut2):
    concern = Characteristic.objects.get(code="edu.concerning_reports")
    record = decide(world, aut2, "education", "concerning", characteristics=[concern], rationale="LA report.")
    assert list(record.characteristics.all()) == [concern]
    with pytest.raises(ValidationError, match="Tick only Finance characteristics"):
        decide(world, aut2, "finance", "universal", characteristics=[concern])


def test_deciding_again_before_the_letter_keeps_the_earlier_revision(world, aut2):
    first = decide(world, aut2, "education", "universal")
    second = decide(world, aut2, "education", "concerning", rationale="Concerning SIP report.")
    first.refresh_from_db()
    assert (first.is_current, second.is_current, second.revision) == (False, True, 2)


def test_after_the_letter_a_change_is_a_correction_with_a_reason(world, aut2):
    first = decide(world, aut2, "education", "universal")
    assert categorisations_lock(school=world.school_a, half_term=aut2, by=world.ceo) == 1
    assert categorisations_lock(school=world.school_a, half_term=aut2, by=world.ceo) == 0
    with pytest.raises(ValidationError) as refusal:
        decide(world, aut2, "education", "concerning", rationale="Report arrived late.")
    assert refusal.value.messages == [
        "The Aut 2, 2026 letter for Ashdown Primary Academy has gone out with Universal in education: "
        "a change now is a correction, so give the reason for it."
    ]
    correction = decide(
        world,
        aut2,
        "education",
        "concerning",
        rationale="Report arrived late.",
        correction_reason="Wrong level.",
    )
    first.refresh_from_db()
    assert first.level.code == "universal" and not first.is_current and first.is_locked
    assert (
        correction.correction_reason == "Wrong level." and correction.is_locked and correction.revision == 2
    )
    assert Categorisation.objects.filter(school=world.school_a, dimension=Dimension.EDUCATION).count() == 2
