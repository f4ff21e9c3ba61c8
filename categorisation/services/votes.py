"""Votes on a move: opened for a proposed move, cast by the panel, closed by counting the votes cast."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from schools.access import access_for
from schools.models import Appointment
from schools.roles import Role

from ..models import VOTE_STATUS_MOVES, Choice, Dimension, Level, Route, Vote, VoteMember, VoteStatus
from ..rules import (
    BOARD_TRUST_ROLES,
    PANEL_SCHOOL_ROLES,
    PANEL_TRUST_ROLES,
    VOTE_ROUTES,
    level_before,
    move_for,
    route_description,
)
from .decisions import categorisation_decide

# Who may open and close a vote: the CEO chairs; the CFO may too for finance.
VOTE_CHAIRS = {
    Dimension.EDUCATION: (Role.CEO,),
    Dimension.FINANCE: (Role.CEO, Role.CFO),
    Dimension.SITE: (Role.CEO,),
}


def panel_for(*, school, dimension, route) -> list[tuple]:
    """[(person, capacity)] in the order of the seats, one seat per person, from current appointments."""
    if route == Route.BOARD_VOTE:
        trust_roles, school_roles = BOARD_TRUST_ROLES, ()
    else:
        trust_roles, school_roles = PANEL_TRUST_ROLES[dimension], PANEL_SCHOOL_ROLES[dimension]
    order = {role: index for index, role in enumerate((*trust_roles, *school_roles))}
    appointments = (
        Appointment.objects.current()
        .filter(Q(role__in=trust_roles, school__isnull=True) | Q(role__in=school_roles, school=school))
        .select_related("person")
    )
    seats = {}
    for appointment in sorted(appointments, key=lambda a: (order[a.role], a.person.get_full_name())):
        seats.setdefault(appointment.person_id, (appointment.person, appointment.role))
    return list(seats.values())


def _check_chair(*, by, dimension, action):
    if not access_for(by).has_trust_role(*VOTE_CHAIRS[Dimension(dimension)]):
        chairs = " or ".join(Role(r).label for r in VOTE_CHAIRS[Dimension(dimension)])
        raise PermissionDenied(f"Only the {chairs} can {action} a {Dimension(dimension).label} vote.")


@transaction.atomic
def vote_open(*, school, half_term, proposed_level: Level, motion: str, by) -> Vote:
    dimension = Dimension(proposed_level.dimension)
    _check_chair(by=by, dimension=dimension, action="open")
    from_level = level_before(school=school, half_term=half_term, dimension=dimension)
    if from_level is None:
        raise ValidationError(
            f"{school} has no {dimension.label} category yet: the CEO places it, no vote is needed."
        )
    move = move_for(school=school, from_level=from_level, to_level=proposed_level)
    if move.route not in VOTE_ROUTES:
        raise ValidationError(
            f"Moving {school} from {from_level.name} to {proposed_level.name} is "
            f"{route_description(move.route, dimension)}: no vote is needed."
        )
    if not motion.strip():
        raise ValidationError("Write the motion: why the move is proposed.")
    if (
        Vote.objects.select_for_update()
        .filter(school=school, half_term=half_term, dimension=dimension, status=VoteStatus.OPEN)
        .exists()
    ):
        raise ValidationError(f"A {dimension.label} vote for {school} is already open: close it first.")
    panel = panel_for(school=school, dimension=dimension, route=move.route)
    if not panel:
        raise ValidationError(
            f"No one holds a seat on {route_description(move.route, dimension)} for {school}."
        )
    vote = Vote.objects.create(
        school=school,
        half_term=half_term,
        dimension=dimension,
        from_level=from_level,
        proposed_level=proposed_level,
        route=move.route,
        motion=motion.strip(),
        opened_by=by,
        opened_at=timezone.now(),
    )
    VoteMember.objects.bulk_create(
        VoteMember(vote=vote, person=person, capacity=capacity) for person, capacity in panel
    )
    return vote


@transaction.atomic
def vote_cast(
    *, vote: Vote, by, choice: Choice, comment: str = "", declared_interest: str = ""
) -> VoteMember:
    vote = Vote.objects.select_for_update().get(pk=vote.pk)
    if vote.status != VoteStatus.OPEN:
        raise ValidationError(
            f"This vote is {vote.get_status_display().lower()}: votes can no longer be cast."
        )
    member = VoteMember.objects.select_for_update().filter(vote=vote, person=by).first()
    if member is None:
        raise PermissionDenied("Only members of the panel can vote.")
    if member.choice:
        raise ValidationError("You have already voted; a vote once cast is on the record.")
    member.choice = Choice(choice)
    member.comment = comment.strip()
    member.declared_interest = declared_interest.strip()
    member.voted_at = timezone.now()
    member.save(update_fields=["choice", "comment", "declared_interest", "voted_at"])
    return member


def vote_count(vote: Vote) -> dict:
    counts = {choice: 0 for choice in Choice}
    for member in vote.members.all():
        if member.choice:
            counts[Choice(member.choice)] += 1
    return counts


@transaction.atomic
def vote_close(*, vote: Vote, by):
    """Count the votes cast and apply the outcome: a majority for moves the school, otherwise (a tie
    included) it stays where it is. Applied through `categorisation_decide`, like a CEO decision."""
    vote = (
        Vote.objects.select_for_update().select_related("school", "half_term", "from_level").get(pk=vote.pk)
    )
    _check_chair(by=by, dimension=vote.dimension, action="close")
    if VoteStatus.CARRIED not in VOTE_STATUS_MOVES[VoteStatus(vote.status)]:
        raise ValidationError(f"This vote is already {vote.get_status_display().lower()}.")
    counts = vote_count(vote)
    carried = counts[Choice.FOR] > counts[Choice.AGAINST]
    vote.status = VoteStatus.CARRIED if carried else VoteStatus.NOT_CARRIED
    vote.closed_by = by
    vote.closed_at = timezone.now()
    vote.outcome_note = (
        f"{counts[Choice.FOR]} for, {counts[Choice.AGAINST]} against, {counts[Choice.ABSTAIN]} abstained."
    )
    vote.save(update_fields=["status", "closed_by", "closed_at", "outcome_note"])
    level = vote.proposed_level if carried else vote.from_level
    current = vote.school.categorisations.filter(
        half_term=vote.half_term, dimension=vote.dimension, is_current=True
    ).first()
    record = categorisation_decide(
        school=vote.school,
        half_term=vote.half_term,
        level=level,
        by=by,
        rationale=f"{vote.motion}\n\nVote {vote.get_status_display().lower()}: {vote.outcome_note}"
        + ("" if carried else " The school stays where it is."),
        correction_reason=f"Outcome of the vote closed {vote.closed_at:%d %B %Y}."
        if current is not None and current.is_locked
        else "",
        vote=vote,
    )
    return vote, record


@transaction.atomic
def vote_withdraw(*, vote: Vote, by, reason: str) -> Vote:
    vote = Vote.objects.select_for_update().get(pk=vote.pk)
    _check_chair(by=by, dimension=vote.dimension, action="withdraw")
    if VoteStatus.WITHDRAWN not in VOTE_STATUS_MOVES[VoteStatus(vote.status)]:
        raise ValidationError(f"This vote is already {vote.get_status_display().lower()}.")
    if not reason.strip():
        raise ValidationError("Give the reason the vote is withdrawn.")
    vote.status = VoteStatus.WITHDRAWN
    vote.closed_by, vote.closed_at, vote.outcome_note = by, timezone.now(), f"Withdrawn: {reason.strip()}"
    vote.save(update_fields=["status", "closed_by", "closed_at", "outcome_note"])
    return vote
