from datetime import date

from categorisation.evidence import evidence_for
from interventions import services
from interventions.evidence import PROVIDERS
from interventions.models import ActionStatus, Milestone, RepAction
from interventions.selectors import deadlines_for
from tests.categorisation.factories import half_term


def codes(found, school):
    return {
        e.code: e
        for e in found[school.pk]
        if e.code.startswith(("edu.rep", "edu.multiple", "edu.warning", "fin.warning"))
    }


def test_overdue_rep_actions_suggest_rep_targets_missed(world, rep):
    aut2 = half_term(2025, 2)  # ends 19 December 2025: week 1 and week 3 milestones have passed
    found = codes(
        evidence_for(school_ids=[world.school_a.pk, world.school_b.pk], half_term=aut2), world.school_a
    )
    assert found["edu.rep_targets_missed"].holds
    assert "2 REP action(s) overdue, oldest due 17 November 2025" in found["edu.rep_targets_missed"].text
    assert not found["edu.multiple_reps_or_extensions"].holds


def test_done_actions_and_an_extension_change_the_evidence(world, rep, eht):
    for action in RepAction.objects.filter(milestone__rep=rep).exclude(milestone__milestone=Milestone.WEEK_6):
        services.rep_action_progress(
            action=action, status=ActionStatus.DONE, done_on=date(2025, 11, 14), by=eht
        )
    services.rep_extend(
        rep=rep, new_ends_on=date(2026, 1, 30), reason="More time", granted_on=date(2025, 12, 1), by=eht
    )
    found = codes(evidence_for(school_ids=[world.school_a.pk], half_term=half_term(2025, 2)), world.school_a)
    assert not found["edu.rep_targets_missed"].holds
    assert found["edu.multiple_reps_or_extensions"].holds


def test_missed_notice_targets_suggest_unacceptable(world, education_notice):
    found = codes(evidence_for(school_ids=[world.school_a.pk], half_term=half_term(2025, 4)), world.school_a)
    assert found["edu.warning_notice_targets_missed"].holds
    assert "2 warning-notice target(s) missed" in found["edu.warning_notice_targets_missed"].text
    assert "fin.warning_notice_targets_missed" not in found


def test_each_provider_runs_a_fixed_number_of_queries(
    world, rep, education_notice, django_assert_max_num_queries
):
    school_ids, spring_2 = [world.school_a.pk, world.school_b.pk], half_term(2025, 4)
    for provider in PROVIDERS:
        with django_assert_max_num_queries(2):
            list(provider(school_ids=school_ids, half_term=spring_2))


def test_deadlines_list_overdue_actions_and_missed_targets(world, rep, education_notice):
    kinds = [d.kind for d in deadlines_for(on=date(2026, 3, 1), school_ids=[world.school_a.pk])]
    assert kinds.count("REP action overdue") == 3
    assert kinds.count("Education warning-notice target missed") == 1  # the other is due 20 March
    assert deadlines_for(on=date(2026, 3, 1), school_ids=[world.school_b.pk]) == []
