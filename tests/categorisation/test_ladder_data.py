from categorisation.models import AllowedMove, Characteristic, Dimension, Ladder, Level, Route

CONTRACT_CODES = {
    Dimension.EDUCATION: {
        "universal": {
            "edu.safeguarding_secure",
            "edu.engages_trust_wide",
            "edu.audit_actions_closing",
            "edu.peer_review_expected",
            "edu.good_progress",
        },
        "concerning": {"edu.not_universal", "edu.concerning_reports"},
        "poor": {"edu.rep_targets_missed", "edu.multiple_reps_or_extensions", "edu.safeguarding_failings"},
        "unacceptable": {"edu.warning_notice_targets_missed"},
        "deficient": set(),
    },
    Dimension.FINANCE: {
        "universal": {
            "fin.in_year_balanced",
            "fin.reserves_at_target",
            "fin.clear_plans",
            "fin.hq_advice_followed",
        },
        "concerning": {
            "fin.not_universal",
            "fin.cost_centre_concern",
            "fin.in_year_deficit_possible",
            "fin.ceo_letter_advice_not_followed",
        },
        "poor": {"fin.reserves_below_floor", "fin.in_year_deficit_probable", "fin.directives_not_met"},
        "unacceptable": {"fin.warning_notice_targets_missed"},
        "deficient": set(),
    },
}


def test_the_seed_trusts_ladder_is_loaded_by_the_data_migration(db):
    ladder = Ladder.objects.get(is_active=True)
    for dimension in Dimension:
        codes = list(
            ladder.levels.filter(dimension=dimension).order_by("position").values_list("code", flat=True)
        )
        assert codes == ["universal", "concerning", "poor", "unacceptable", "deficient"]


def test_the_labels_are_the_seed_trusts_own(db):
    labels = dict(Level.objects.active().filter(code="concerning").values_list("dimension", "label"))
    assert labels[Dimension.EDUCATION] == "Rapid Enhancement Plan (REP)"
    assert labels[Dimension.FINANCE] == "Finance REP (FREP)"
    assert Level.objects.active().get(dimension=Dimension.EDUCATION, code="universal").label == "Core Offer"
    assert Level.objects.active().get(dimension=Dimension.FINANCE, code="poor").label == "Warning Notice"


def test_every_characteristic_code_in_the_contract_is_on_its_level(db):
    for dimension, by_level in CONTRACT_CODES.items():
        for code, expected in by_level.items():
            held = set(
                Characteristic.objects.filter(
                    level__ladder__is_active=True, level__dimension=dimension, level__code=code
                ).values_list("code", flat=True)
            )
            assert held == expected, (dimension, code)


def test_a_poor_to_unacceptable_education_move_needs_a_panel_vote_and_from_unacceptable_a_board_vote(db):
    def route(dimension, from_code, to_code):
        return AllowedMove.objects.get(
            ladder__is_active=True, dimension=dimension, from_level__code=from_code, to_level__code=to_code
        ).route

    assert route(Dimension.EDUCATION, "poor", "unacceptable") == Route.PANEL_VOTE
    assert route(Dimension.EDUCATION, "unacceptable", "poor") == Route.BOARD_VOTE
    assert route(Dimension.FINANCE, "concerning", "poor") == Route.CEO_OR_CFO
