"""Finance figures per school per half-term, entered by the CFO's team (or imported by kpis)."""

from django.db import transaction

from ..models import FinanceFigures
from ..permissions import require_enter_finance

FIELDS = (
    "budget_balanced_3_years",
    "predicted_in_year_outturn",
    "predicted_carry_forward",
    "carry_forward_target",
    "gag",
    "reserves",
)


@transaction.atomic
def finance_figures_save(*, school, half_term, by, **values) -> FinanceFigures:
    require_enter_finance(by, school)
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"Unknown finance figures: {sorted(unknown)}")
    figures = FinanceFigures.objects.select_for_update().filter(school=school, half_term=half_term).first()
    if figures is None:
        figures = FinanceFigures(school=school, half_term=half_term)
    for name, value in values.items():
        setattr(figures, name, value)
    figures.updated_by = by
    figures.full_clean()
    figures.save()
    return figures
