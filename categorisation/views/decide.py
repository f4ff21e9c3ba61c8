from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from schools.access import access_for, trust_role_required
from schools.models import HalfTerm, School
from schools.roles import Role

from ..models import Dimension
from ..rules import VOTE_ROUTES, level_before, move_for
from ..screen import screen_rows, screen_save


@trust_role_required(Role.CEO, Role.CFO)
def decide(request):
    """Every school for one half-term: last half-term's categories, the evidence, and the decisions.

    The CEO decides every dimension; the CFO sees the finance column only (the CFO's decisions are finance
    ones, and the rules still say which of those need the CEO or a vote)."""
    chosen = request.GET.get("half_term")
    half_term = (
        get_object_or_404(HalfTerm, pk=chosen) if chosen and chosen.isdigit() else HalfTerm.objects.current()
    )
    if half_term is None:
        messages.error(request, "There is no half-term in the calendar yet: add the academic year first.")
        return redirect("categorisation:overview")
    schools = School.objects.visible_to(request.user).order_by("name")
    dimensions = None if access_for(request.user).has_trust_role(Role.CEO) else {Dimension.FINANCE}
    if request.method == "POST":
        rows = screen_rows(schools=schools, half_term=half_term, dimensions=dimensions, data=request.POST)
        saved = screen_save(rows=rows, half_term=half_term, by=request.user)
        refused = [row for row in rows if row.errors]
        _link_refusals_to_votes(refused, half_term)
        if not refused:
            messages.success(request, f"Saved {saved} decisions for {half_term.label}.")
            return redirect(f"{reverse('categorisation:decide')}?half_term={half_term.pk}")
        if saved:
            messages.success(request, f"Saved {saved} decisions for {half_term.label}. The others are below.")
        return render(
            request,
            "categorisation/decide.html",
            {
                "half_term": half_term,
                "rows": rows,
                "refused": refused,
                "half_terms": HalfTerm.objects.order_by("-starts_on"),
            },
        )
    rows = screen_rows(schools=schools, half_term=half_term, dimensions=dimensions)
    return render(
        request,
        "categorisation/decide.html",
        {
            "half_term": half_term,
            "rows": rows,
            "refused": [],
            "half_terms": HalfTerm.objects.order_by("-starts_on"),
        },
    )


def _link_refusals_to_votes(refused, half_term) -> None:
    """A move refused because it needs a vote links to the vote form, holding the school, the proposed
    level and the rationale as the motion (votes are opened for the current half-term)."""
    if half_term != HalfTerm.objects.current():
        return
    for row in refused:
        for decision in row.errors:
            level = next((lv for lv in decision.levels if str(lv.pk) == decision.level_pk), None)
            if level is None:
                continue
            before = level_before(school=row.school, half_term=half_term, dimension=decision.dimension)
            try:
                move = move_for(school=row.school, from_level=before, to_level=level)
            except ValidationError:
                continue
            if move.route in VOTE_ROUTES:
                query = urlencode({"level": level.pk, "motion": decision.rationale.strip()})
                decision.vote_url = f"{reverse('categorisation:vote_new', args=[row.school.urn])}?{query}"
