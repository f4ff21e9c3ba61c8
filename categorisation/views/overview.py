from collections import namedtuple

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from schools.access import trust_role_required
from schools.models import HalfTerm, Phase, School

from ..overview import GRID_DIMENSIONS, NOT_DECIDED, half_terms_ending, overview_rows
from ..selectors import active_levels

SPANS = (6, 12, 18)
Grid = namedtuple("Grid", "half_term half_terms rows counts levels filters")
SCHOOLS_PER_PAGE = 40


def grid_for(request):
    """The half-term, span and filters the request asks for, and the grid's rows and counts for them: the
    page and its export share it, so the export holds what the page shows (every page of it)."""
    chosen = request.GET.get("half_term")
    half_term = (
        get_object_or_404(HalfTerm, pk=chosen) if chosen and chosen.isdigit() else HalfTerm.objects.current()
    )
    span = int(request.GET["span"]) if request.GET.get("span") in {str(s) for s in SPANS} else SPANS[0]
    phase = request.GET.get("phase") if request.GET.get("phase") in Phase.values else ""
    levels = active_levels()
    codes = {level.code for dimension in GRID_DIMENSIONS for level in levels.get(dimension, [])}
    category = request.GET.get("category") if request.GET.get("category") in codes else ""
    moved = request.GET.get("moved") == "1"
    half_terms = half_terms_ending(half_term, span) if half_term else []
    rows, counts = overview_rows(
        schools=School.objects.visible_to(request.user).order_by("name"),
        half_terms=half_terms,
        phase=phase,
        category=category,
        moved=moved,
    )
    filters = {"phase": phase, "category": category, "moved": moved, "span": span}
    return Grid(half_term, half_terms, rows, counts, levels, filters)


@trust_role_required()
def overview(request):
    """The CEO's home: every school by half-term, coloured by its education, finance and site & H&S
    categories."""
    half_term, half_terms, rows, counts, levels, filters = grid_for(request)
    # The counts are of every school that matches; the grid shows them 40 at a time.
    page = Paginator(rows, SCHOOLS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    summary = [
        (
            dimension.label,
            [(level, counts[dimension].get(level.code, 0)) for level in levels.get(dimension, [])],
            counts[dimension].get(NOT_DECIDED, 0),
        )
        for dimension in GRID_DIMENSIONS
    ]
    return render(
        request,
        "categorisation/overview.html",
        {
            "half_term": half_term,
            "half_terms": half_terms,
            "all_half_terms": HalfTerm.objects.filter(starts_on__lte=timezone.localdate()).order_by(
                "-starts_on"
            ),
            "rows": page,
            "page": page,
            "query": query.urlencode(),
            "summary": summary,
            "filters": filters,
            "phases": Phase.choices,
            "categories": levels.get(GRID_DIMENSIONS[0], []),
            "spans": SPANS,
        },
    )
