from decimal import Decimal

from django.urls import reverse

from categorisation.models import Categorisation, Dimension
from tests.categorisation.factories import CategorisationFactory, FinanceFiguresFactory, level


def url(half_term):
    return f"{reverse('categorisation:decide')}?half_term={half_term.pk}"


def field(school, dimension, part):
    return f"{school.pk}-{dimension}-{part}"


def test_the_screen_lists_every_school_with_last_half_terms_categories_and_the_evidence(
    world, client_as, aut1, aut2
):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("finance", "universal"))
    FinanceFiguresFactory(
        school=world.school_a, half_term=aut2, gag=Decimal("800000"), reserves=Decimal("17000")
    )
    client = client_as(world.ceo)
    page = client.get(url(aut2)).content.decode()
    assert "Ashdown Primary Academy" in page and "Brookfield Primary" in page
    evidence = "Poor characteristic met: Reserves £17,000 are 2.1% of GAG, below the 3% floor."
    # A compact row per school: the evidence is in the school's expanded part, fetched when it opens.
    assert evidence not in page
    fragment = f"{url(aut2)}&amp;school={world.school_a.pk}&amp;fragment=1"
    assert f'data-fragment="{fragment}"' in page
    part = client.get(fragment.replace("&amp;", "&")).content.decode()
    assert evidence in part and "<html" not in part
    assert f'name="{field(world.school_a, Dimension.FINANCE, "rationale")}"' in part
    # Without the script, the same part opens with the school on its own.
    alone = client.get(f"{url(aut2)}&school={world.school_a.pk}").content.decode()
    assert evidence in alone and "Brookfield Primary" not in alone


def test_saving_the_screen_confirms_every_school_at_once(world, client_as, aut1, aut2):
    for school in (world.school_a, world.school_b):
        CategorisationFactory(school=school, half_term=aut1, level=level("education", "universal"))
    data = {
        field(s, Dimension.EDUCATION, "level"): level("education", "universal").pk
        for s in (world.school_a, world.school_b)
    }
    response = client_as(world.ceo).post(url(aut2), data)
    assert response.status_code == 302
    assert Categorisation.objects.filter(half_term=aut2, level__code="universal").count() == 2


def test_a_refused_move_keeps_what_was_typed_and_the_others_are_saved(world, client_as, aut1, aut2):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "universal"))
    CategorisationFactory(school=world.school_b, half_term=aut1, level=level("education", "universal"))
    data = {
        field(world.school_a, Dimension.EDUCATION, "level"): level("education", "poor").pk,
        field(world.school_a, Dimension.EDUCATION, "rationale"): "Safeguarding failings in the audit.",
        field(world.school_b, Dimension.EDUCATION, "level"): level("education", "concerning").pk,
        field(world.school_b, Dimension.EDUCATION, "rationale"): "Concerning SIP report.",
    }
    response = client_as(world.ceo).post(url(aut2), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "cannot move from Universal to Poor in education" in page
    assert "Safeguarding failings in the audit.</textarea>" in page
    assert f'<option value="{level("education", "poor").pk}" selected>' in page
    saved = Categorisation.objects.get(half_term=aut2)
    assert (saved.school, saved.level.code, saved.rationale) == (
        world.school_b,
        "concerning",
        "Concerning SIP report.",
    )


def test_a_move_without_a_rationale_is_refused_with_the_reason_beside_it(world, client_as, aut1, aut2):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("finance", "universal"))
    data = {field(world.school_a, Dimension.FINANCE, "level"): level("finance", "concerning").pk}
    page = client_as(world.ceo).post(url(aut2), data).content.decode()
    assert "Write the rationale for moving Ashdown Primary Academy from Universal to Concerning." in page
    assert not Categorisation.objects.filter(half_term=aut2).exists()


def test_an_unchanged_decision_is_not_recorded_twice(world, client_as, aut2):
    CategorisationFactory(school=world.school_a, half_term=aut2, level=level("education", "universal"))
    data = {field(world.school_a, Dimension.EDUCATION, "level"): level("education", "universal").pk}
    client_as(world.ceo).post(url(aut2), data)
    assert Categorisation.objects.filter(half_term=aut2).count() == 1


def test_the_ticked_characteristics_are_recorded_with_the_decision(world, client_as, aut1, aut2):
    from categorisation.models import Characteristic

    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "universal"))
    report = Characteristic.objects.get(code="edu.concerning_reports")
    data = {
        field(world.school_a, Dimension.EDUCATION, "level"): level("education", "concerning").pk,
        field(world.school_a, Dimension.EDUCATION, "rationale"): "Concerning LA report.",
        field(world.school_a, Dimension.EDUCATION, "characteristics"): [report.pk],
        field(world.school_a, Dimension.EDUCATION, "shown"): "1",
    }
    client_as(world.ceo).post(url(aut2), data)
    assert list(Categorisation.objects.get(half_term=aut2).characteristics.all()) == [report]


def test_the_cfo_sees_and_decides_the_finance_column_only(world, client_as, aut1, aut2):
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("finance", "concerning"))
    client = client_as(world.cfo)
    page = client.get(url(aut2)).content.decode()
    assert field(world.school_a, Dimension.FINANCE, "level") in page
    assert field(world.school_a, Dimension.EDUCATION, "level") not in page
    data = {
        field(world.school_a, Dimension.FINANCE, "level"): level("finance", "universal").pk,
        field(world.school_a, Dimension.FINANCE, "rationale"): "FREP actions met in time.",
        field(world.school_a, Dimension.EDUCATION, "level"): level("education", "poor").pk,
    }
    assert client.post(url(aut2), data).status_code == 302
    saved = Categorisation.objects.get(half_term=aut2)
    assert (saved.dimension, saved.decided_by) == (Dimension.FINANCE, world.cfo)


def test_the_screen_runs_the_same_queries_for_a_few_or_many_schools(
    world, client_as, aut2, django_assert_max_num_queries
):
    from tests.factories import SchoolFactory

    client = client_as(world.ceo)
    client.get(url(aut2))
    counted = []
    for extra in (3, 30):
        SchoolFactory.create_batch(extra)
        with django_assert_max_num_queries(40) as captured:
            assert client.get(url(aut2)).status_code == 200
        counted.append(len(captured))
    assert counted[0] == counted[1]
