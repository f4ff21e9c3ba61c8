from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from schools.access import permission_required
from schools.models import HalfTerm, School

from ..permissions import decided_dimensions, may_decide, may_decide_all
from ..rules import VOTE_ROUTES, level_before, move_for
from ..screen import screen_rows, screen_save, typed_school_ids
from ..screen_html import compact_rows_html


@permission_required(may_decide, "This page is for trust-wide roles only.")
def decide(request):
    """Every school for one half-term: last half-term's categories and the decisions, a compact row per
    school; the evidence, rationale and characteristics of a school open in its row (`?school=<pk>`: that
    school alone; with `&fragment=1`, only its expanded part, which the page's script fetches).

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
    dimensions = None if may_decide_all(request.user) else decided_dimensions(request.user)
    context = {"half_term": half_term, "refused": [], "half_terms": HalfTerm.objects.order_by("-starts_on")}
    if request.method == "POST":
        rows = screen_rows(
            schools=schools, half_term=half_term, dimensions=dimensions, data=request.POST, expanded=set()
        )
        saved = screen_save(rows=rows, half_term=half_term, by=request.user)
        refused = [row for row in rows if row.errors]
        said = f"Saved {saved} decision{'s' if saved != 1 else ''} for {half_term.label}."
        if not refused:
            messages.success(request, said)
            return redirect(f"{reverse('categorisation:decide')}?half_term={half_term.pk}")
        if saved:
            messages.success(request, f"{said} The others are below.")
        # Shown again with what was typed: the refused schools and those whose details were open.
        expanded = {row.school.pk for row in refused} | typed_school_ids(data=request.POST)
        errors = {(row.school.pk, d.dimension): d.error for row in refused for d in row.errors}
        rows = screen_rows(
            schools=schools, half_term=half_term, dimensions=dimensions, data=request.POST, expanded=expanded
        )
        for row in rows:
            for decision in row.decisions:
                decision.error = errors.get((row.school.pk, decision.dimension), "")
        refused = [row for row in rows if row.errors]
        _link_refusals_to_votes(refused, half_term)
        compact_rows_html(rows, half_term=half_term)
        return render(request, "categorisation/decide.html", {**context, "rows": rows, "refused": refused})
    one = request.GET.get("school", "")
    if one.isdigit():
        schools = schools.filter(pk=int(one))
        rows = screen_rows(schools=schools, half_term=half_term, dimensions=dimensions)
        if not rows:
            return redirect(f"{reverse('categorisation:decide')}?half_term={half_term.pk}")
        if request.GET.get("fragment"):
            return render(request, "categorisation/_decide_detail.html", {**context, "row": rows[0]})
        return render(request, "categorisation/decide.html", {**context, "rows": rows, "one": rows[0]})
    rows = screen_rows(schools=schools, half_term=half_term, dimensions=dimensions, expanded=set())
    compact_rows_html(rows, half_term=half_term)
    return render(request, "categorisation/decide.html", {**context, "rows": rows})


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
                query = urlencode(
                    {
                        "level": level.pk,
                        "motion": decision.rationale.strip(),
                        # Once the vote is open, back to the half-term screen.
                        "next": f"{reverse('categorisation:decide')}?half_term={half_term.pk}",
                    }
                )
                decision.vote_url = f"{reverse('categorisation:vote_new', args=[row.school.urn])}?{query}"
