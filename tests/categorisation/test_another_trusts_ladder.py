"""Another trust's model (seed 004: Stabilise, Repair, Improve, Sustain) is only data."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from categorisation.models import Ladder, Level
from categorisation.selectors import active_levels
from categorisation.services import categorisation_decide


@pytest.fixture
def character_trust(world):
    call_command("load_ladder", "character_trust.json", stdout=None)
    return Ladder.objects.get(is_active=True)


def test_loading_another_trusts_ladder_makes_it_the_active_one(character_trust):
    assert character_trust.name == "Character Trust: four-stage improvement model"
    assert Ladder.objects.filter(is_active=True).count() == 1
    assert [level.name for level in active_levels()["education"]] == [
        "Sustain",
        "Improve",
        "Repair",
        "Stabilise",
    ]


def test_schools_move_one_phase_at_a_time_on_the_other_ladder(world, aut1, aut2, character_trust):
    def phase(code):
        return Level.objects.active().get(dimension="education", code=code)

    categorisation_decide(school=world.school_a, half_term=aut1, level=phase("stabilise"), by=world.ceo)
    record = categorisation_decide(
        school=world.school_a, half_term=aut2, level=phase("repair"), by=world.ceo,
        rationale="Leadership capacity in place; safeguarding compliant.",
    )  # fmt: skip
    assert record.level.label == "Repair"
    categorisation_decide(school=world.school_b, half_term=aut1, level=phase("stabilise"), by=world.ceo)
    with pytest.raises(ValidationError, match="From Stabilise it can move to: Repair"):
        categorisation_decide(
            school=world.school_b, half_term=aut2, level=phase("sustain"), by=world.ceo, rationale="Fast.",
        )  # fmt: skip
