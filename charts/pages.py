"""The charts the portal's pages show, each drawn from a selector's figures (a fixed number of queries)."""

from categorisation.models import FinanceFigures
from categorisation.overview import half_terms_ending

from . import figures, selectors

SPAN = 6  # half-terms a categories chart covers, as the overview's default grid


def kpi_trend_charts_for(*, school) -> list:
    return [
        figures.kpi_trend_chart(trend, school=school.name) for trend in selectors.kpi_trends(school=school)
    ]


def categories_chart_for(*, school, half_term):
    if half_term is None:
        return None
    data = selectors.categories_over_time(school=school, half_terms=half_terms_ending(half_term, SPAN))
    if not any(position for d in data["dimensions"] for position in d["positions"]):
        return None  # not categorised in the span: the table below says so
    return figures.categories_chart(data)


def reserves_chart_for(*, schools):
    """Reserves % of GAG in the latest half-term any of the schools has finance figures for."""
    schools = list(schools)
    latest = (
        FinanceFigures.objects.filter(school__in=[s.pk for s in schools])
        .select_related("half_term")
        .order_by("-half_term__starts_on")
        .first()
    )
    if latest is None:
        return None
    return figures.reserves_chart(selectors.reserves_by_school(schools=schools, half_term=latest.half_term))
