"""A letter whose front page has every kind of figure, for the PDF and page tests."""

from datetime import date
from decimal import Decimal

from audits.models import ActionStatus
from categorisation.models import Dimension
from kpis.measures import Measure
from schools.models import HalfTermNumber, Trust
from tests.audits.factories import action_at
from tests.categorisation.factories import CategorisationFactory, FinanceFiguresFactory, level
from tests.interventions.scenario import rep
from tests.kpis.factories import ComparatorFactory, KpiResultFactory, year
from tests.letters.factories import directive, draft_letter, half_term, sent_letter


def front_page_letter(world, *, term=None):
    school = world.school_a
    term = term or half_term()
    Trust.objects.filter(pk=Trust.objects.get_current().pk).update(comparator_local_authority="Essex")
    for dimension, code in [
        (Dimension.EDUCATION, "concerning"),
        (Dimension.SITE, "universal"),
        (Dimension.FINANCE, "universal"),
    ]:
        CategorisationFactory(
            school=school, half_term=term, level=level(dimension, code), decided_by=world.ceo
        )
    FinanceFiguresFactory(
        school=school,
        half_term=term,
        budget_balanced_3_years=True,
        predicted_in_year_outturn=Decimal("44000"),
        predicted_carry_forward=Decimal("52000"),
        carry_forward_target=Decimal("50000"),
        updated_by=world.cfo,
    )
    results_year = year("2025-26")
    KpiResultFactory(
        school=school,
        academic_year=results_year,
        measure=Measure.KS2_RWM,
        all_pupils=Decimal("73"),
        disadvantaged=Decimal("50"),
        updated_by=world.ceo,
    )
    ComparatorFactory(
        measure=Measure.KS2_RWM,
        academic_year=results_year,
        area="Essex",
        all_pupils=Decimal("63"),
        disadvantaged=Decimal("44"),
        updated_by=world.ceo,
    )
    KpiResultFactory(
        school=school,
        academic_year=results_year,
        measure=Measure.MTC_AVERAGE,
        all_pupils=Decimal("21"),
        disadvantaged=Decimal("17"),
        updated_by=world.ceo,
    )
    for status in (ActionStatus.OPEN, ActionStatus.OPEN, ActionStatus.CLOSED):
        action_at(school, owner=world.head_a, status=status)
    rep(world)
    earlier = sent_letter(school, world.ceo, term=half_term(2026, HalfTermNumber.AUTUMN_1))
    directive(
        earlier,
        world.ceo,
        text="Ensure that the safeguarding elements of the Ofsted toolkit are securely met",
    )
    letter = draft_letter(
        school,
        world.ceo,
        ceo_text="Thank you for a strong start to the year.\n\nKeep going.",
        dated=date(2026, 11, 20),
    )
    directive(letter, world.ceo, text="Publish the new behaviour policy")
    return letter


FRONT_PAGE_TEXT = [
    "20 November 2026",
    "Half-termly letter to Ashdown Primary Academy",
    "Education Concerning - Rapid Enhancement Plan (REP)",
    "REP written by EHT",
    "All: 73% (Essex: 63%)",
    "PPG: 50% (Essex: 44%)",
    "All: 21",
    "PPG: 17",
    "Site & H&S Universal - Core Offer",
    "Finances Universal - Core Offer",
    "Working budget balances for 3 years?",
    "Yes",
    "Predicted in-year outturn for 2026-27",
    "£44,000",
    "£52,000 (Target +£50,000)",
    "School: 300",
    "Directives in this or previous letters",
    "Aut 1, 26: Ensure that the safeguarding elements of the Ofsted toolkit are securely met",
    "Aut 2, 26: Publish the new behaviour policy",
    "Thank you for a strong start to the year.",
    "2 audit actions open or waiting to be closed: Outstanding audit actions",
    "compliance@trust.example",
]
