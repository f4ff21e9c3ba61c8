from decimal import Decimal

import factory
from django.utils import timezone

from kpis.measures import Measure
from kpis.models import Comparator, KpiResult
from schools.models import AcademicYear
from tests.factories import SchoolFactory, UserFactory


def year(name="2025-26"):
    return AcademicYear.objects.get(starts_on__year=int(name[:4]))


class KpiResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KpiResult

    school = factory.SubFactory(SchoolFactory)
    academic_year = factory.LazyFunction(year)
    measure = Measure.KS2_RWM
    all_pupils = Decimal("72.0")
    disadvantaged = Decimal("50.0")
    cohort = 30
    disadvantaged_cohort = 10
    updated_by = factory.SubFactory(UserFactory)
    updated_at = factory.LazyFunction(timezone.now)


class ComparatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comparator

    measure = Measure.KS2_RWM
    academic_year = factory.LazyFunction(year)
    area = "Essex"
    all_pupils = Decimal("63.0")
    disadvantaged = Decimal("44.0")
    figure_year = None
    updated_by = factory.SubFactory(UserFactory)
    updated_at = factory.LazyFunction(timezone.now)
