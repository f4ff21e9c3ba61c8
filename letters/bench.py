"""The trust of N schools the letters benchmark runs on: people, categories, finance figures, KPI rows,
directives and a page of CEO text per school. Only ever written to the benchmark's throwaway database.
"""

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from categorisation.models import Categorisation, Dimension, FinanceFigures, Level, Route
from kpis.measures import Measure
from kpis.models import Comparator, KpiResult
from schools.calendar import academic_year_ensure
from schools.models import AcademicYear, Appointment, HalfTerm, HalfTermNumber, Phase, School, Trust
from schools.roles import Role

from .models import Directive, Letter

CEO_TEXT = "\n\n".join(
    [
        "Thank you for all your work this half-term. This letter sets out where the school stands on each "
        "of the trust's measures, and what I need from you before the next letter."
    ]
    * 6
)
KPI_MEASURES = [
    Measure.KS2_RWM,
    Measure.EYFS_GLD,
    Measure.PHONICS_Y1,
    Measure.MTC_FULL_MARKS,
    Measure.MTC_AVERAGE,
]


def build_trust(*, schools: int) -> HalfTerm:
    trust = Trust.objects.get_current()
    trust.name, trust.comparator_local_authority = "Benchmark Trust", "Essex"
    trust.save()
    for start in (2025, 2026):
        academic_year_ensure(start_year=start)
    half_term = HalfTerm.objects.get(
        academic_year__starts_on=date(2026, 9, 1), number=HalfTermNumber.AUTUMN_2
    )
    results_year = AcademicYear.objects.get(starts_on=date(2025, 9, 1))  # last summer's results
    User = get_user_model()
    ceo = User.objects.create_user(email="ceo@bench.invalid", first_name="Bench", last_name="CEO")
    Appointment.objects.create(person=ceo, role=Role.CEO)
    levels = {(lv.dimension, lv.code): lv for lv in Level.objects.active()}
    now = timezone.now()
    for measure in KPI_MEASURES:
        Comparator.objects.create(
            measure=measure,
            academic_year=results_year,
            area="Essex",
            all_pupils=Decimal("63"),
            disadvantaged=Decimal("44"),
            updated_by=ceo,
            updated_at=now,
        )
    for n in range(schools):
        school = School.objects.create(
            urn=f"{800000 + n}",
            name=f"Bench School {n:03d}",
            phase=Phase.PRIMARY,
            local_authority="Essex",
            pupils_on_roll=300 + n,
            capacity=420,
        )
        for role, local in ((Role.HEADTEACHER, "head"), (Role.LSB_CHAIR, "lsb")):
            person = User.objects.create_user(email=f"{local}.{n}@bench.invalid")
            Appointment.objects.create(person=person, role=role, school=school)
        for dimension, code in (
            (Dimension.EDUCATION, "concerning" if n % 5 == 0 else "universal"),
            (Dimension.FINANCE, "universal"),
            (Dimension.SITE, "universal"),
        ):
            Categorisation.objects.create(
                school=school,
                half_term=half_term,
                dimension=dimension,
                level=levels[(dimension, code)],
                route=Route.CEO,
                decided_by=ceo,
                decided_at=now,
            )
        FinanceFigures.objects.create(
            school=school,
            half_term=half_term,
            budget_balanced_3_years=n % 3 != 0,
            predicted_in_year_outturn=Decimal(44000 - 1000 * n),
            predicted_carry_forward=Decimal(52000),
            carry_forward_target=Decimal(50000),
            gag=Decimal(1_500_000),
            reserves=Decimal(90000),
            updated_by=ceo,
        )
        for measure in KPI_MEASURES:
            KpiResult.objects.create(
                school=school,
                academic_year=results_year,
                measure=measure,
                all_pupils=Decimal(70),
                disadvantaged=Decimal(55),
                cohort=60,
                disadvantaged_cohort=15,
                updated_by=ceo,
                updated_at=now,
            )
        letter = Letter.objects.create(school=school, half_term=half_term, ceo_text=CEO_TEXT, created_by=ceo)
        for d in range(3):
            Directive.objects.create(
                school=school,
                letter=letter,
                half_term=half_term,
                set_by=ceo,
                text=f"Directive {d + 1}: report progress on the actions agreed at the last review meeting",
            )
    return half_term
