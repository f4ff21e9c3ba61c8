"""Every (from, to, dimension, actor) combination on the seed trust's ladder, against DOMAIN.md's rules."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from categorisation.models import Categorisation, Dimension
from categorisation.services import categorisation_decide
from tests.categorisation.factories import CategorisationFactory, level

CODES = ["universal", "concerning", "poor", "unacceptable", "deficient"]
ACTORS = ["ceo", "cfo", "trustee", "head_a"]

# The routes DOMAIN.md gives ("who may move a school, and where"); any move not listed is refused.
EDUCATION_MOVES = {
    ("universal", "concerning"): "ceo",
    ("concerning", "universal"): "ceo",
    ("concerning", "poor"): "ceo",
    ("poor", "concerning"): "vote",
    ("poor", "unacceptable"): "vote",
    ("unacceptable", "poor"): "vote",
    ("unacceptable", "deficient"): "vote",
}
FINANCE_MOVES = {
    ("universal", "concerning"): "ceo",
    ("concerning", "universal"): "ceo_or_cfo",
    ("concerning", "poor"): "ceo_or_cfo",
    ("poor", "concerning"): "vote",
    ("poor", "universal"): "vote",
    ("poor", "unacceptable"): "vote",
    ("unacceptable", "poor"): "vote",
    ("unacceptable", "deficient"): "vote",
}
MOVES = {
    Dimension.EDUCATION: EDUCATION_MOVES,
    Dimension.FINANCE: FINANCE_MOVES,
    Dimension.SITE: EDUCATION_MOVES,
}
STAY = {Dimension.EDUCATION: "ceo", Dimension.FINANCE: "ceo_or_cfo", Dimension.SITE: "ceo"}
MAY_DECIDE = {"ceo": {"ceo"}, "ceo_or_cfo": {"ceo", "cfo"}}


def expected(dimension, from_code, to_code, actor):
    """'saved', or the code of the refusal."""
    if from_code is None:
        route = "ceo"  # a first placement may be any level, by the CEO
    elif from_code == to_code:
        route = STAY[dimension]
    else:
        route = MOVES[dimension].get((from_code, to_code))
    if route is None:
        return "move_not_allowed"
    if route == "vote":
        return "vote_needed"
    return "saved" if actor in MAY_DECIDE[route] else "not_the_decider"


@pytest.mark.parametrize("dimension", list(Dimension))
def test_every_move_by_every_actor_is_allowed_or_refused_as_the_rules_say(dimension, world, aut1, aut2):
    mismatches = []
    for from_code in [None, *CODES]:
        for to_code in CODES:
            for actor in ACTORS:
                want = expected(dimension, from_code, to_code, actor)
                got = _attempt(world, aut1, aut2, dimension, from_code, to_code, actor)
                if got != want:
                    mismatches.append(f"{from_code} -> {to_code} by {actor}: expected {want}, got {got}")
    assert not mismatches, "\n".join(mismatches)


def _attempt(world, aut1, aut2, dimension, from_code, to_code, actor):
    """Try the move inside a savepoint that is always rolled back, so each case starts clean."""
    outcome = None
    try:
        with transaction.atomic():
            if from_code is not None:
                CategorisationFactory(
                    school=world.school_a, half_term=aut1, level=level(dimension, from_code)
                )
            try:
                categorisation_decide(
                    school=world.school_a,
                    half_term=aut2,
                    level=level(dimension, to_code),
                    by=getattr(world, actor),
                    rationale="The evidence in the CEO letter.",
                )
                outcome = "saved"
            except ValidationError as refusal:
                saved = Categorisation.objects.filter(half_term=aut2).exists()
                outcome = refusal.code + (" (but something was saved)" if saved else "")
            raise _Rollback
    except _Rollback:
        return outcome


class _Rollback(Exception):
    pass
