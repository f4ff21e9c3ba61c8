"""Saving the half-term screen records only real changes, refuses half-terms that have not started, and
runs the same queries for a few schools or many."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from categorisation.models import Categorisation, Dimension
from records.chain import record_append
from schools.calendar import academic_year_ensure
from schools.models import HalfTerm
from tests.categorisation.factories import CategorisationFactory, level
from tests.factories import SchoolFactory


def url(half_term):
    return f"{reverse('categorisation:decide')}?half_term={half_term.pk}"


def field(school, dimension, part):
    return f"{school.pk}-{dimension}-{part}"


def _whole_screen(schools, code="universal"):
    return {field(s, d, "level"): level(d, code).pk for s in schools for d in Dimension}


def test_saving_an_unchanged_screen_writes_no_row(world, client_as, aut1, aut2):
    schools = [world.school_a, world.school_b]
    for school in schools:
        for dimension in Dimension:
            CategorisationFactory(school=school, half_term=aut1, level=level(dimension, "universal"))
    client = client_as(world.ceo)
    first = client.post(url(aut2), _whole_screen(schools), follow=True)
    assert "Saved 6 decisions for Aut 2" in first.content.decode()
    rows = Categorisation.objects.count()
    again = client.post(url(aut2), _whole_screen(schools), follow=True)
    assert "Saved 0 decisions for Aut 2" in again.content.decode()
    assert Categorisation.objects.count() == rows


def test_the_resubmit_after_a_partly_refused_save_records_only_the_fixed_one(world, client_as, aut1, aut2):
    for school in (world.school_a, world.school_b):
        CategorisationFactory(school=school, half_term=aut1, level=level("education", "universal"))
    client = client_as(world.ceo)
    data = {
        field(world.school_a, Dimension.EDUCATION, "level"): level("education", "concerning").pk,
        field(world.school_a, Dimension.EDUCATION, "rationale"): "Concerning SIP report.",
        field(world.school_a, Dimension.EDUCATION, "shown"): "1",
        field(world.school_b, Dimension.EDUCATION, "level"): level("education", "concerning").pk,
    }
    page = client.post(url(aut2), data).content.decode()
    assert (
        "Saved 1 decision for Aut 2, 2026. The others are below." in page
        and "Write the rationale for moving Brookfield Primary" in page
    )
    # The screen comes back with what was typed for both; the CEO fixes B and saves again.
    assert "Concerning SIP report.</textarea>" in page
    data[field(world.school_b, Dimension.EDUCATION, "rationale")] = "The LA's phonics report."
    data[field(world.school_b, Dimension.EDUCATION, "shown")] = "1"
    again = client.post(url(aut2), data, follow=True).content.decode()
    assert "Saved 1 decision for Aut 2" in again
    assert Categorisation.objects.filter(half_term=aut2, school=world.school_a).count() == 1
    assert Categorisation.objects.filter(half_term=aut2, school=world.school_b).count() == 1


def test_a_decision_for_a_half_term_that_has_not_started_is_refused(world, client_as, aut1):
    academic_year_ensure(start_year=timezone.localdate().year + 1)
    future = HalfTerm.objects.filter(starts_on__gt=timezone.localdate()).order_by("starts_on").last()
    CategorisationFactory(school=world.school_a, half_term=aut1, level=level("education", "universal"))
    data = {field(world.school_a, Dimension.EDUCATION, "level"): level("education", "universal").pk}
    page = client_as(world.ceo).post(url(future), data).content.decode()
    assert f"{future.label} has not started yet" in page
    assert not Categorisation.objects.filter(half_term=future).exists()


def test_saving_the_whole_screen_runs_the_same_queries_for_10_or_120_schools(
    world, client_as, aut1, aut2, django_assert_max_num_queries
):
    from categorisation.models import Characteristic

    report = Characteristic.objects.get(code="edu.concerning_reports")
    CategorisationFactory(school=world.school_a, half_term=aut2, level=level(Dimension.SITE, "universal"))
    client = client_as(world.ceo)
    client.get(url(aut2))  # the session and the person's roles are read the same way every time
    record_append(actor=world.ceo, event="test.started", subject="the chain's first entry")
    counted, made = {}, 0
    for total in (10, 120):
        new = [SchoolFactory(urn=f"7{made + n:05d}") for n in range(total - made - 2)]
        made += len(new)
        schools = [world.school_a, world.school_b, *new]
        for school in new:
            CategorisationFactory(school=school, half_term=aut1, level=level("education", "universal"))
        data = _whole_screen(schools)
        # A move with its rationale, and a characteristic ticked, in every save.
        moving = new[-1]
        data[field(moving, Dimension.EDUCATION, "level")] = level("education", "concerning").pk
        data[field(moving, Dimension.EDUCATION, "rationale")] = "Concerning SIP report."
        data[field(moving, Dimension.EDUCATION, "characteristics")] = [report.pk]
        data[field(moving, Dimension.EDUCATION, "shown")] = "1"
        with CaptureQueriesContext(connection) as captured:
            response = client.post(url(aut2), data)
        assert response.status_code == 302, response.content.decode()[-2000:]
        counted[total] = len(captured)
        assert Categorisation.objects.filter(half_term=aut2, is_current=True).count() == 3 * total
        assert list(
            Categorisation.objects.get(
                school=moving, half_term=aut2, dimension="education", is_current=True
            ).characteristics.all()
        ) == [report]
    assert counted[10] == counted[120]


def test_each_decision_the_screen_saves_is_appended_to_the_trusts_record_once(world, client_as, aut1, aut2):
    from records.chain import verify_chain
    from records.models import Entry

    schools = [world.school_a, world.school_b]
    client = client_as(world.ceo)
    client.post(url(aut2), _whole_screen(schools))
    entries = Entry.objects.filter(event="categorisation.decided")
    assert entries.count() == 6
    assert {e.changes["school"] for e in entries} == {s.urn for s in schools}
    client.post(url(aut2), _whole_screen(schools))  # unchanged: nothing more
    assert entries.count() == 6
    assert verify_chain().ok
