from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from schools.access import appointment_required, get_for_user
from schools.models import HalfTerm, School
from trust_portal.next_url import local_next

from ..forms import VoteCastForm, VoteOpenForm, VoteStepAsideForm, VoteWithdrawForm
from ..models import Level, Vote, VotePolicy, VoteStatus
from ..permissions import may_close_vote, require_open_vote, require_withdraw_vote
from ..services import vote_cast, vote_close, vote_open, vote_step_aside, vote_withdraw
from ..services.votes import vote_count, vote_state

# The seven principles of public life (the Nolan principles), at the top of every decision.
NOLAN_PRINCIPLES = [
    ("Selflessness", "Holders of public office should act solely in terms of the public interest."),
    (
        "Integrity",
        "Holders of public office must avoid placing themselves under any obligation to people or "
        "organisations that might try inappropriately to influence them in their work.",
    ),
    (
        "Objectivity",
        "Holders of public office must act and take decisions impartially, fairly and on merit, using the "
        "best evidence and without discrimination or bias.",
    ),
    (
        "Accountability",
        "Holders of public office are accountable to the public for their decisions and actions and must "
        "submit themselves to the scrutiny necessary to ensure this.",
    ),
    (
        "Openness",
        "Holders of public office should act and take decisions in an open and transparent manner.",
    ),
    ("Honesty", "Holders of public office should be truthful."),
    (
        "Leadership",
        "Holders of public office should exhibit these principles in their own behaviour and challenge poor "
        "behaviour wherever it occurs.",
    ),
]


def _refusal(error) -> str:
    return " ".join(getattr(error, "messages", [str(error)]))


def _prefill(request) -> tuple[str | None, dict]:
    """A refused move links here with ?level=<pk>&motion=<rationale>: the form starts with them, offering
    only that level's dimension."""
    initial = {
        "closes_on": timezone.localdate() + timedelta(days=VotePolicy.objects.for_trust().days_open),
        "my_vote": "",
    }
    level_pk, dimension = request.GET.get("level", ""), request.GET.get("dimension") or None
    level = Level.objects.active().filter(pk=level_pk).first() if level_pk.isdigit() else None
    if level is not None:
        initial["proposed_level"], dimension = level.pk, level.dimension
    if request.GET.get("motion"):
        initial["motion"] = request.GET["motion"][:5000]
    return dimension, initial


@appointment_required
def vote_new(request, urn):
    school = get_for_user(School.objects, request.user, urn=urn)
    require_open_vote(request.user)
    half_term = HalfTerm.objects.current()
    dimension, initial = _prefill(request)
    if request.method == "POST":
        dimension = request.POST.get("dimension") or None
    form = VoteOpenForm(request.POST or None, initial=initial, dimension=dimension)
    if request.method == "POST" and form.is_valid():
        try:
            # Opened with the opener's own vote, if they gave it: both or neither.
            with transaction.atomic():
                vote = vote_open(
                    school=school,
                    half_term=half_term,
                    proposed_level=form.cleaned_data["proposed_level"],
                    motion=form.cleaned_data["motion"],
                    closes_on=form.cleaned_data["closes_on"],
                    by=request.user,
                )
                if form.cleaned_data["my_vote"]:
                    vote_cast(vote=vote, by=request.user, choice=form.cleaned_data["my_vote"])
        except (ValidationError, PermissionDenied) as refusal:
            form.add_error(None, _refusal(refusal))
        else:
            messages.success(
                request,
                f"Vote opened: {vote.members.count()} members on the panel have been emailed a link. "
                f"It closes on {vote.closes_on:%-d %B %Y}."
                + (" Your vote is recorded." if form.cleaned_data["my_vote"] else ""),
            )
            return redirect(local_next(request, reverse("categorisation:vote", args=[vote.pk])))
    return render(
        request,
        "categorisation/vote_new.html",
        {
            "school": school,
            "half_term": half_term,
            "form": form,
            "dimension": dimension,
            "principles": NOLAN_PRINCIPLES,
            "next": local_next(request, ""),
        },
    )


@appointment_required
def vote_detail(request, pk, form=None, aside_form=None, withdraw_form=None):
    vote = get_for_user(
        Vote.objects.select_related("school", "half_term", "from_level", "proposed_level", "opened_by"),
        request.user,
        pk=pk,
    )
    members = list(vote.members.select_related("person"))
    me = next((m for m in members if m.person_id == request.user.pk), None)
    is_open = vote.status == VoteStatus.OPEN
    may_vote = is_open and me is not None and not me.choice and not me.stepped_aside
    is_chair = is_open and may_close_vote(request.user, vote)
    state = vote_state(vote, members)
    return render(
        request,
        "categorisation/vote.html",
        {
            "vote": vote,
            "members": members,
            "counts": vote_count(vote),
            "state": state,
            "stays": vote.status == VoteStatus.NOT_CARRIED,
            "principles": NOLAN_PRINCIPLES,
            "form": form or (VoteCastForm() if may_vote else None),
            "aside_form": aside_form or (VoteStepAsideForm(prefix="aside") if may_vote else None),
            "withdraw_form": withdraw_form or (VoteWithdrawForm() if is_chair else None),
            "may_close": is_chair,
            "close_refusal": "" if state.may_close else state.refusal(),
        },
    )


def _panel_vote(request, pk):
    vote = get_for_user(Vote.objects, request.user, pk=pk)
    if not vote.members.filter(person=request.user).exists():
        raise PermissionDenied("Only members of the panel can vote.")
    return vote


@require_POST
@appointment_required
def vote_cast_view(request, pk):
    vote = _panel_vote(request, pk)
    form = VoteCastForm(request.POST)
    if not form.is_valid():
        return vote_detail(request, pk, form=form)
    try:
        vote_cast(vote=vote, by=request.user, **form.cleaned_data)
    except ValidationError as refusal:
        messages.error(request, _refusal(refusal))
    else:
        messages.success(request, "Your vote is recorded.")
    return redirect("categorisation:vote", pk=vote.pk)


@require_POST
@appointment_required
def vote_step_aside_view(request, pk):
    vote = _panel_vote(request, pk)
    form = VoteStepAsideForm(request.POST, prefix="aside")
    if not form.is_valid():
        return vote_detail(request, pk, aside_form=form)
    try:
        vote_step_aside(vote=vote, by=request.user, **form.cleaned_data)
    except ValidationError as refusal:
        messages.error(request, _refusal(refusal))
    else:
        messages.success(request, "You have stepped aside: your interest is recorded and you do not vote.")
    return redirect("categorisation:vote", pk=vote.pk)


@require_POST
@appointment_required
def vote_close_view(request, pk):
    vote = get_for_user(Vote.objects, request.user, pk=pk)
    try:
        vote, _ = vote_close(vote=vote, by=request.user)
    except ValidationError as refusal:
        messages.error(request, _refusal(refusal))
    else:
        messages.success(request, f"Vote closed: {vote.outcome_note}")
    # Closed in place (the to-do page) goes back there; otherwise to the vote.
    return redirect(local_next(request, reverse("categorisation:vote", args=[vote.pk])))


@require_POST
@appointment_required
def vote_withdraw_view(request, pk):
    vote = get_for_user(Vote.objects, request.user, pk=pk)
    require_withdraw_vote(request.user, vote)
    form = VoteWithdrawForm(request.POST)
    if not form.is_valid():
        return vote_detail(request, pk, withdraw_form=form)
    try:
        vote_withdraw(vote=vote, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as refusal:
        messages.error(request, _refusal(refusal))
    else:
        messages.success(request, "The vote is withdrawn; the panel has been told.")
    return redirect("categorisation:vote", pk=vote.pk)
