from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from schools.access import access_for, appointment_required, get_for_user
from schools.models import HalfTerm, School

from ..forms import VoteCastForm, VoteOpenForm
from ..models import Vote, VoteStatus
from ..services import vote_cast, vote_close, vote_open
from ..services.votes import VOTE_CHAIRS, vote_count

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
ALL_CHAIRS = {role for roles in VOTE_CHAIRS.values() for role in roles}


@appointment_required
def vote_new(request, urn):
    school = get_for_user(School.objects, request.user, urn=urn)
    if not access_for(request.user).has_trust_role(*ALL_CHAIRS):
        raise PermissionDenied("Only the CEO (or, for finance, the CFO) opens a vote.")
    half_term = HalfTerm.objects.current()
    form = VoteOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            vote = vote_open(
                school=school,
                half_term=half_term,
                proposed_level=form.cleaned_data["proposed_level"],
                motion=form.cleaned_data["motion"],
                by=request.user,
            )
        except (ValidationError, PermissionDenied) as refusal:
            form.add_error(None, " ".join(getattr(refusal, "messages", [str(refusal)])))
        else:
            messages.success(request, f"Vote opened: {vote.members.count()} members on the panel.")
            return redirect("categorisation:vote", pk=vote.pk)
    return render(
        request,
        "categorisation/vote_new.html",
        {"school": school, "half_term": half_term, "form": form, "principles": NOLAN_PRINCIPLES},
    )


@appointment_required
def vote_detail(request, pk, form=None):
    vote = get_for_user(
        Vote.objects.select_related("school", "half_term", "from_level", "proposed_level", "opened_by"),
        request.user,
        pk=pk,
    )
    members = list(vote.members.select_related("person"))
    me = next((m for m in members if m.person_id == request.user.pk), None)
    may_vote = vote.status == VoteStatus.OPEN and me is not None and not me.choice
    return render(
        request,
        "categorisation/vote.html",
        {
            "vote": vote,
            "members": members,
            "counts": vote_count(vote),
            "stays": vote.status == VoteStatus.NOT_CARRIED,
            "principles": NOLAN_PRINCIPLES,
            "form": form or (VoteCastForm() if may_vote else None),
            "may_close": vote.status == VoteStatus.OPEN
            and access_for(request.user).has_trust_role(*VOTE_CHAIRS[vote.dimension]),
        },
    )


@require_POST
@appointment_required
def vote_cast_view(request, pk):
    vote = get_for_user(Vote.objects, request.user, pk=pk)
    if not vote.members.filter(person=request.user).exists():
        raise PermissionDenied("Only members of the panel can vote.")
    form = VoteCastForm(request.POST)
    if not form.is_valid():
        return vote_detail(request, pk, form=form)
    try:
        vote_cast(vote=vote, by=request.user, **form.cleaned_data)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, "Your vote is recorded.")
    return redirect("categorisation:vote", pk=vote.pk)


@require_POST
@appointment_required
def vote_close_view(request, pk):
    vote = get_for_user(Vote.objects, request.user, pk=pk)
    try:
        vote, _ = vote_close(vote=vote, by=request.user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, f"Vote closed: {vote.outcome_note}")
    return redirect("categorisation:vote", pk=vote.pk)
