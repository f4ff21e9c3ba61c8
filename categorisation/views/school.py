from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from charts.pages import categories_chart_for
from letters.changes import letters_carrying
from schools.access import appointment_required, get_for_user
from schools.models import HalfTerm, School

from ..forms import FinanceFiguresForm
from ..models import Categorisation, FinanceFigures, Vote
from ..permissions import may_enter_finance, may_open_vote, require_enter_finance
from ..services import finance_figures_save


@appointment_required
def school(request, urn):
    """A school's categories over time, every decision with its rationale, the votes and finance figures."""
    school = get_for_user(School.objects, request.user, urn=urn)
    decisions = list(
        Categorisation.objects.filter(school=school)
        .select_related("level", "half_term", "decided_by", "vote", "locked_by")
        .prefetch_related("characteristics")
        .order_by("-half_term__starts_on", "dimension", "-revision")
    )
    carried = letters_carrying(decisions)
    over_time = {}
    for record in decisions:
        record.carried_by = carried.get(record.pk)  # judged by what the letter printed, not by dates
        if record.is_current:
            over_time.setdefault(record.half_term, {})[record.dimension] = record
    current = HalfTerm.objects.current()
    return render(
        request,
        "categorisation/school.html",
        {
            "school": school,
            "over_time": over_time.items(),
            "decisions": decisions,
            "votes": Vote.objects.filter(school=school).select_related(
                "from_level", "proposed_level", "half_term"
            ),
            "figures": FinanceFigures.objects.filter(school=school)
            .select_related("half_term")
            .order_by("-half_term__starts_on")[:6],
            "current_half_term": current,
            "categories_chart": categories_chart_for(school=school, half_term=current),
            "may_enter_finance": may_enter_finance(request.user, school),
            "may_open_vote": may_open_vote(request.user),
        },
    )


@appointment_required
def finance(request, urn, half_term_pk):
    """The finance figures of a school for a half-term (CEO and CFO)."""
    school = get_for_user(School.objects, request.user, urn=urn)
    require_enter_finance(request.user, school)
    half_term = get_object_or_404(HalfTerm, pk=half_term_pk)
    figures = FinanceFigures.objects.filter(school=school, half_term=half_term).first()
    form = FinanceFiguresForm(request.POST or None, instance=figures)
    if request.method == "POST" and form.is_valid():
        finance_figures_save(school=school, half_term=half_term, by=request.user, **form.cleaned_data)
        messages.success(request, f"Saved the finance figures of {school} for {half_term.label}.")
        return redirect("categorisation:school", urn=school.urn)
    return render(
        request, "categorisation/finance.html", {"school": school, "half_term": half_term, "form": form}
    )
