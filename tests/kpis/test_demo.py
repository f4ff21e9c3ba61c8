import pytest

from kpis import demo as kpis_demo
from kpis.measures import Measure
from kpis.models import Comparator, KpiImport, KpiResult
from schools import demo as schools_demo
from schools.models import School

pytestmark = pytest.mark.django_db


def test_the_demo_gives_every_school_phase_appropriate_results_and_runs_twice_without_change():
    schools_demo.load()
    kpis_demo.load()
    imports, results = KpiImport.objects.count(), KpiResult.objects.count()

    kpis_demo.load()

    assert (KpiImport.objects.count(), KpiResult.objects.count()) == (imports, results)
    assert (
        Comparator.objects.filter(area="Essex").exists()
        and Comparator.objects.filter(area="National").exists()
    )
    for school in School.objects.all():
        assert KpiResult.objects.filter(school=school, measure=Measure.ATTENDANCE).exists(), school
    nursery = School.objects.get(name="Fairfield Nursery School")
    assert set(KpiResult.objects.filter(school=nursery).values_list("measure", flat=True)) == {
        Measure.ATTENDANCE
    }
    infant = School.objects.get(name="Brookfield Infant School")
    assert not KpiResult.objects.filter(school=infant, measure=Measure.KS2_RWM).exists()
