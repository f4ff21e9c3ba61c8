"""Reads other apps (and this one's screens) use. Each runs a fixed number of queries."""

from django.db.models import Prefetch

from .models import Categorisation, Characteristic, FinanceFigures, Level


def categories_for(*, school_ids, half_term) -> dict:
    """{(school_id, dimension): Categorisation}: the current revision for that half-term (two queries)."""
    records = (
        Categorisation.objects.current()
        .filter(school_id__in=list(school_ids), half_term=half_term)
        .select_related("level", "decided_by", "vote")
        .prefetch_related(Prefetch("characteristics", queryset=Characteristic.objects.order_by("order")))
    )
    return {(record.school_id, record.dimension): record for record in records}


def finance_figures_for(*, school_ids, half_term) -> dict:
    """{school_id: FinanceFigures} for that half-term (one query)."""
    figures = FinanceFigures.objects.filter(school_id__in=list(school_ids), half_term=half_term)
    return {row.school_id: row for row in figures}


def active_levels() -> dict:
    """{dimension: [Level, best first]} of the active ladder (one query)."""
    levels = {}
    for level in Level.objects.active().order_by("dimension", "position"):
        levels.setdefault(level.dimension, []).append(level)
    return levels
