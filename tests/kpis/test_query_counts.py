import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kpis.measures import Measure
from tests.factories import SchoolFactory
from tests.kpis.factories import ComparatorFactory, KpiResultFactory

pytestmark = pytest.mark.django_db


def add_school_with_results():
    school = SchoolFactory(urn=str(200000 + SchoolFactory._meta.model.objects.count()))
    for measure in (Measure.KS2_RWM, Measure.EYFS_GLD, Measure.PHONICS_Y1):
        KpiResultFactory(school=school, measure=measure)
    return school


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, {"year": "2025-26"}).status_code == 200
    return len(captured)


def test_the_trust_table_runs_the_same_queries_for_two_schools_or_ten(world, client_as):
    client = client_as(world.ceo)
    ComparatorFactory()
    add_school_with_results()
    add_school_with_results()
    client.get(reverse("kpis:trust_table"))  # session and caches warm
    few = queries_for(client, reverse("kpis:trust_table"))
    for _ in range(8):
        add_school_with_results()

    assert queries_for(client, reverse("kpis:trust_table")) == few


def test_a_schools_kpi_page_runs_the_same_queries_for_one_measure_or_all(world, client_as):
    client = client_as(world.head_a)
    KpiResultFactory(school=world.school_a)
    url = reverse("kpis:school", kwargs={"urn": world.school_a.urn})
    client.get(url)
    one = queries_for(client, url)
    for measure in (Measure.EYFS_GLD, Measure.PHONICS_Y1, Measure.PHONICS_Y2, Measure.MTC_AVERAGE):
        KpiResultFactory(school=world.school_a, measure=measure)
        ComparatorFactory(measure=measure)

    assert queries_for(client, url) == one
