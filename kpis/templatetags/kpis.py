from decimal import Decimal

from django import template

from kpis.measures import PERCENT, RULES
from kpis.models import ImportKind
from kpis.permissions import may_import
from kpis.selectors import default_academic_year, kpi_rows_for

register = template.Library()


@register.filter
def kpi_figure(value, unit=PERCENT):
    """72.0 -> "72%", 95.3 -> "95.3%", a score 20.6 -> "20.6"; nothing recorded -> an en dash."""
    if value is None:
        return "\u2013"
    value = Decimal(value)
    shown = f"{value:.0f}" if value == value.to_integral_value() else f"{value:.1f}"
    return f"{shown}%" if unit == PERCENT else shown


@register.filter
def kpi_short(measure):
    """The measure's short name for a table heading, e.g. "KS2 RWM"."""
    return RULES[measure].short


@register.simple_tag(takes_context=True)
def kpi_import_kinds(context):
    """The kinds of file the signed-in person may import, as (kind, label) pairs."""
    user = context.get("user")
    return [(kind.value, kind.label) for kind in ImportKind if user and may_import(user, kind)]


@register.inclusion_tag("kpis/_school_panel_body.html", takes_context=True)
def kpi_school_panel(context, school):
    year = default_academic_year()
    rows = kpi_rows_for(school=school, academic_year=year) if year else []
    return {"school": school, "academic_year": year, "rows": rows}
