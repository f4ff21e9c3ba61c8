from decimal import Decimal

import factory
from django.utils import timezone

from categorisation.models import Categorisation, FinanceFigures, Level, Route
from schools.models import HalfTerm
from tests.factories import SchoolFactory, UserFactory


def level(dimension, code):
    """A level of the active ladder (loaded by the data migration)."""
    return Level.objects.active().get(dimension=dimension, code=code)


def half_term(start_year, number):
    return HalfTerm.objects.get(academic_year__starts_on__year=start_year, number=number)


class CategorisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Categorisation

    school = factory.SubFactory(SchoolFactory)
    dimension = factory.LazyAttribute(lambda o: o.level.dimension)
    route = Route.CEO
    rationale = "Recorded for a test."
    decided_by = factory.SubFactory(UserFactory)
    decided_at = factory.LazyFunction(timezone.now)


class FinanceFiguresFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FinanceFigures

    school = factory.SubFactory(SchoolFactory)
    budget_balanced_3_years = True
    predicted_in_year_outturn = Decimal("44000")
    predicted_carry_forward = Decimal("52000")
    carry_forward_target = Decimal("50000")
    gag = Decimal("1000000")
    reserves = Decimal("60000")
    updated_by = factory.SubFactory(UserFactory)
