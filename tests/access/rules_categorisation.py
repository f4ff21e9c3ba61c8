from categorisation.models import Choice
from categorisation.services import vote_cast, vote_open
from tests.access import Rule, school_a_only, statuses, trust_wide_only
from tests.categorisation.factories import CategorisationFactory, half_term, level


def _open_vote(world):
    """An education vote for school A (Poor -> Unacceptable); its panel: the CEO, head A and LSB chair A."""
    CategorisationFactory(
        school=world.school_a, half_term=half_term(2026, 1), level=level("education", "poor")
    )
    return vote_open(
        school=world.school_a,
        half_term=half_term(2026, 2),
        proposed_level=level("education", "unacceptable"),
        motion="Warning-notice targets missed.",
        by=world.ceo,
    )


def _closable_vote(world):
    """Every member has voted, so the chair may close it."""
    vote = _open_vote(world)
    for person in (world.ceo, world.head_a, world.lsb_chair_a):
        vote_cast(vote=vote, by=person, choice=Choice.FOR)
    return {"pk": vote.pk}


def _school_a_and_current_half_term(world):
    return {"urn": world.school_a.urn, "half_term_pk": half_term(2026, 2).pk}


RULES = [
    Rule("categorisation:overview", trust_wide_only()),
    Rule("categorisation:decide", statuses(default=403, ceo=200, cfo=200)),
    Rule(
        "categorisation:decide",
        statuses(default=403, ceo=302, cfo=302),
        method="post",
        data=lambda world: {},
        note="The CEO (or CFO, finance only) saves the screen (nothing chosen: nothing saved).",
    ),
    Rule("categorisation:school", school_a_only(), kwargs=lambda world: {"urn": world.school_a.urn}),
    Rule(
        "categorisation:finance",
        statuses(default=403, ceo=200, cfo=200, head_b=404),
        kwargs=_school_a_and_current_half_term,
    ),
    Rule(
        "categorisation:finance",
        statuses(default=403, ceo=302, cfo=302, head_b=404),
        kwargs=_school_a_and_current_half_term,
        method="post",
        data=lambda world: {
            "budget_balanced_3_years": "on",
            "predicted_in_year_outturn": "44000",
            "predicted_carry_forward": "52000",
            "carry_forward_target": "50000",
            "gag": "1250000",
            "reserves": "62500",
        },
    ),
    Rule(
        "categorisation:vote_new",
        statuses(default=403, ceo=200, cfo=200, head_b=404),
        kwargs=lambda world: {"urn": world.school_a.urn},
    ),
    Rule("categorisation:vote", school_a_only(), kwargs=lambda world: {"pk": _open_vote(world).pk}),
    Rule(
        "categorisation:vote_cast",
        statuses(default=403, ceo=302, head_a=302, lsb_chair_a=302, head_b=404),
        kwargs=lambda world: {"pk": _open_vote(world).pk},
        method="post",
        data=lambda world: {"choice": "for", "comment": "", "declared_interest": ""},
    ),
    Rule(
        "categorisation:vote_step_aside",
        statuses(default=403, ceo=302, head_a=302, lsb_chair_a=302, head_b=404),
        kwargs=lambda world: {"pk": _open_vote(world).pk},
        method="post",
        data=lambda world: {"aside-declared_interest": "A relative works at the school."},
        note="Only members of the panel step aside.",
    ),
    Rule(
        "categorisation:vote_withdraw",
        statuses(default=403, ceo=302, head_b=404),
        kwargs=lambda world: {"pk": _open_vote(world).pk},
        method="post",
        data=lambda world: {"reason": "Opened on the wrong evidence."},
        note="Only the vote's chair (the CEO; the CFO too for finance) withdraws it.",
    ),
    Rule(
        "categorisation:vote_close",
        statuses(default=403, ceo=302, head_b=404),
        kwargs=_closable_vote,
        method="post",
    ),
    # The downloads have the access of their pages.
    Rule("categorisation:overview_export", trust_wide_only()),
    Rule(
        "categorisation:decisions_export",
        statuses(default=403, ceo=200, cfo=200),
        kwargs=lambda world: {"half_term_pk": half_term(2025, 1).pk},
    ),
]
