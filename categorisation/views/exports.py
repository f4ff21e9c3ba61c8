"""Downloads of the categorisation lists: the overview grid as filtered, and a half-term's decisions and
votes. Each has the access of its page."""

from django.shortcuts import get_object_or_404

from schools.access import access_for, trust_role_required
from schools.models import HalfTerm, School
from schools.roles import Role
from trust_portal.tabular import requested_format, spreadsheet_response

from ..exports import decisions_table, overview_table
from ..models import Dimension
from .overview import grid_for


def _slug(half_term) -> str:
    return half_term.label.lower().replace(",", "").replace(" ", "-")


@trust_role_required()
def overview_export(request):
    """The grid with the page's half-term, span and filters: every school that matches, not one page."""
    grid = grid_for(request)
    headers, rows = overview_table(rows=grid.rows, half_terms=grid.half_terms)
    name = f"categories-to-{_slug(grid.half_term)}" if grid.half_term else "categories"
    return spreadsheet_response(name, headers, rows, requested_format(request))


@trust_role_required(Role.CEO, Role.CFO)
def decisions_export(request, half_term_pk):
    """The half-term screen's decisions with their votes; the CFO's, like the screen, finance only."""
    half_term = get_object_or_404(HalfTerm, pk=half_term_pk)
    ceo = access_for(request.user).has_trust_role(Role.CEO)
    headers, rows = decisions_table(
        schools=School.objects.visible_to(request.user).order_by("name"),
        half_term=half_term,
        dimensions=None if ceo else [Dimension.FINANCE],
    )
    return spreadsheet_response(f"decisions-{_slug(half_term)}", headers, rows, requested_format(request))
