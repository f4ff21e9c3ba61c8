"""Finance figures per school per half-term, entered by the CFO's team (or imported by kpis)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from schools.access import access_for
from schools.roles import Role

from ..models import FinanceFigures

FINANCE_EDITORS = (Role.CEO, Role.CFO)
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
    if not access_for(by).has_trust_role(*FINANCE_EDITORS):
        raise PermissionDenied("Only the CEO or the CFO can enter finance figures.")
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
