from decimal import Decimal

from categorisation import evidence
from categorisation.evidence import Evidence, evidence_for, register
from categorisation.finance_evidence import finance_figures_evidence
from categorisation.models import Dimension
from categorisation.selectors import categories_for, finance_figures_for
from schools.models import Trust
from tests.categorisation.factories import CategorisationFactory, FinanceFiguresFactory, half_term, level


def test_categories_for_gives_the_current_revision_per_school_and_dimension(
    world, aut2, django_assert_num_queries
):
    CategorisationFactory(
        school=world.school_a,
        half_term=aut2,
        level=level("education", "universal"),
        revision=1,
        is_current=False,
    )
    current = CategorisationFactory(
        school=world.school_a, half_term=aut2, level=level("education", "concerning"), revision=2
    )
    finance = CategorisationFactory(
        school=world.school_b, half_term=aut2, level=level("finance", "universal")
    )
    with django_assert_num_queries(2):
        found = categories_for(school_ids=[world.school_a.pk, world.school_b.pk], half_term=aut2)
        assert [c.code for c in found[(world.school_a.pk, Dimension.EDUCATION)].characteristics.all()] == []
    assert found == {
        (world.school_a.pk, Dimension.EDUCATION): current,
        (world.school_b.pk, Dimension.FINANCE): finance,
    }


def test_finance_figures_for_gives_each_schools_figures_for_the_half_term(world, aut2):
    figures = FinanceFiguresFactory(school=world.school_a, half_term=aut2)
    FinanceFiguresFactory(school=world.school_a, half_term=half_term(2026, 1))
    assert finance_figures_for(school_ids=[world.school_a.pk, world.school_b.pk], half_term=aut2) == {
        world.school_a.pk: figures
    }


def test_reserves_are_shown_as_a_percent_of_gag(world, aut2):
    figures = FinanceFiguresFactory(
        school=world.school_a, half_term=aut2, gag=Decimal("800000"), reserves=Decimal("17000")
    )
    assert figures.reserves_percent_of_gag == Decimal("2.1")


def _finance_evidence(world, aut2):
    found = evidence_for(school_ids=[world.school_a.pk], half_term=aut2)[world.school_a.pk]
    return {item.code: item for item in found if item.dimension == Dimension.FINANCE}


def test_reserves_below_the_trusts_floor_suggest_poor_finance(world, aut2):
    FinanceFiguresFactory(
        school=world.school_a,
        half_term=aut2,
        gag=Decimal("800000"),
        reserves=Decimal("17000"),
        predicted_in_year_outturn=Decimal("-12000"),
    )
    found = _finance_evidence(world, aut2)
    assert found["fin.reserves_below_floor"].holds
    assert found["fin.reserves_below_floor"].text == "Reserves £17,000 are 2.1% of GAG, below the 3% floor."
    assert not found["fin.reserves_at_target"].holds
    assert not found["fin.in_year_balanced"].holds
    assert found["fin.in_year_deficit_possible"].text == "Predicted in-year outturn is a deficit of £12,000."


def test_reserves_between_floor_and_target_do_not_meet_universal(world, aut2):
    FinanceFiguresFactory(
        school=world.school_a, half_term=aut2, gag=Decimal("1000000"), reserves=Decimal("40000")
    )
    found = _finance_evidence(world, aut2)
    assert not found["fin.reserves_below_floor"].holds
    assert not found["fin.reserves_at_target"].holds
    assert found["fin.in_year_balanced"].holds


def test_the_thresholds_are_the_trusts_own(world, aut2):
    trust = Trust.objects.get_current()
    trust.reserves_target_percent = Decimal("4")
    trust.save()
    FinanceFiguresFactory(
        school=world.school_a, half_term=aut2, gag=Decimal("1000000"), reserves=Decimal("40000")
    )
    assert _finance_evidence(world, aut2)["fin.reserves_at_target"].holds


def test_a_registered_provider_is_asked_once_for_all_schools(world, aut2, monkeypatch):
    monkeypatch.setattr(evidence, "_providers", [])
    calls = []

    def overdue_audit_actions(*, school_ids, half_term):
        calls.append(list(school_ids))
        yield Evidence(
            school_id=school_ids[0],
            dimension=Dimension.EDUCATION,
            code="edu.audit_actions_closing",
            holds=False,
            text="3 audit actions overdue",
        )

    register(overdue_audit_actions)
    register(overdue_audit_actions)
    found = evidence_for(school_ids=[world.school_a.pk, world.school_b.pk], half_term=aut2)
    assert calls == [[world.school_a.pk, world.school_b.pk]]
    assert [e.text for e in found[world.school_a.pk]] == ["3 audit actions overdue"]
    assert found[world.school_b.pk] == []


def test_evidence_runs_a_fixed_number_of_queries_whatever_the_number_of_schools(
    world, aut2, django_assert_num_queries
):
    from tests.factories import SchoolFactory

    Trust.objects.get_current()
    schools = SchoolFactory.create_batch(5)
    for school in schools:
        FinanceFiguresFactory(school=school, half_term=aut2)
    with django_assert_num_queries(2):
        assert len(list(finance_figures_evidence(school_ids=[s.pk for s in schools], half_term=aut2))) == 10
