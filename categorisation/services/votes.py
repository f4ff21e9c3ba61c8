"""Votes on a move: opened for a proposed move with a closing date, cast (or stood aside from) by the
panel, and closed by counting the votes cast under the trust's vote policy, or withdrawn."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from records.chain import record_append
from schools.models import Appointment
from schools.roles import Role

from ..models import (
    VOTE_STATUS_MOVES,
    Choice,
    Dimension,
    Level,
    Route,
    Vote,
    VoteEvent,
    VoteMember,
    VotePolicy,
    VoteStatus,
)
from ..permissions import VOTE_CHAIRS, may_chair
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
from .vote_messages import vote_messages_queue


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
        .filter(person__is_active=True)
        .select_related("person")
    )
    seats = {}
    for appointment in sorted(appointments, key=lambda a: (order[a.role], a.person.get_full_name())):
        seats.setdefault(appointment.person_id, (appointment.person, appointment.role))
    return list(seats.values())


def _check_chair(*, by, dimension, action):
    if not may_chair(by, dimension):
        chairs = " or ".join(Role(r).label for r in VOTE_CHAIRS[Dimension(dimension)])
        raise PermissionDenied(f"Only the {chairs} can {action} a {Dimension(dimension).label} vote.")


@transaction.atomic
def vote_open(
    *, school, half_term, proposed_level: Level, motion: str, by, closes_on: date | None = None
) -> Vote:
    """Open a vote; every member of the panel is emailed a link once the vote is saved."""
    dimension = Dimension(proposed_level.dimension)
    _check_chair(by=by, dimension=dimension, action="open")
    policy = VotePolicy.objects.for_trust()
    today = timezone.localdate()
    closes_on = closes_on or today + timedelta(days=policy.days_open)
    if closes_on <= today:
        raise ValidationError("Give the vote a closing date after today, so the panel has time to vote.")
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
    if len(panel) < policy.minimum_votes:
        raise ValidationError(
            f"{len(panel) or 'No one'} holds a seat on {route_description(move.route, dimension)} for "
            f"{school}, and the trust's policy needs at least {policy.minimum_votes} members to vote: "
            "appoint the panel first."
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
        closes_on=closes_on,
    )
    members = VoteMember.objects.bulk_create(
        VoteMember(vote=vote, person=person, capacity=capacity) for person, capacity in panel
    )
    vote_messages_queue(vote=vote, event=VoteEvent.OPENED, members=members)
    return vote


def _open_member(vote: Vote, by) -> tuple[Vote, VoteMember]:
    vote = Vote.objects.select_for_update().get(pk=vote.pk)
    if vote.status != VoteStatus.OPEN:
        raise ValidationError(
            f"This vote is {vote.get_status_display().lower()}: votes can no longer be cast."
        )
    member = VoteMember.objects.select_for_update().filter(vote=vote, person=by).first()
    if member is None:
        raise PermissionDenied("Only members of the panel can vote.")
    if member.stepped_aside:
        raise ValidationError("You stepped aside from this vote for a declared interest.")
    if member.choice:
        raise ValidationError("You have already voted; a vote once cast is on the record.")
    return vote, member


@transaction.atomic
def vote_cast(
    *, vote: Vote, by, choice: Choice, comment: str = "", declared_interest: str = ""
) -> VoteMember:
    vote, member = _open_member(vote, by)
    member.choice = Choice(choice)
    member.comment = comment.strip()
    member.declared_interest = declared_interest.strip()
    member.voted_at = timezone.now()
    member.save(update_fields=["choice", "comment", "declared_interest", "voted_at"])
    record_append(
        actor=by,
        event="vote.cast",
        subject=vote,
        changes={"member": by.get_username(), "capacity": member.capacity, "choice": member.choice},
    )
    return member


@transaction.atomic
def vote_step_aside(*, vote: Vote, by, declared_interest: str) -> VoteMember:
    """A member with an interest steps aside: recorded, not voting, and out of the quorum."""
    if not declared_interest.strip():
        raise ValidationError("Say what your interest is: it is recorded with the vote.")
    vote, member = _open_member(vote, by)
    member.declared_interest = declared_interest.strip()
    member.stepped_aside_at = timezone.now()
    member.save(update_fields=["declared_interest", "stepped_aside_at"])
    record_append(
        actor=by,
        event="vote.stepped_aside",
        subject=vote,
        changes={"member": by.get_username(), "declared_interest": member.declared_interest},
    )
    return member


def vote_count(vote: Vote) -> dict:
    counts = {choice: 0 for choice in Choice}
    for member in vote.members.all():
        if member.choice:
            counts[Choice(member.choice)] += 1
    return counts


@dataclass(frozen=True)
class VoteState:
    """Where a vote stands against the trust's policy: who may still vote, and whether it may close."""

    eligible: int  # members who have not stepped aside
    voted: int
    waiting_for: list  # members who have neither voted nor stepped aside
    quorum: int  # the fewest votes that make the quorum
    closing_date_reached: bool
    closes_on: date | None

    @property
    def all_voted(self):
        return not self.waiting_for

    @property
    def quorum_met(self):
        return self.voted >= self.quorum

    @property
    def may_close(self):
        return (self.all_voted or self.closing_date_reached) and self.quorum_met

    def refusal(self) -> str:
        names = ", ".join(m.person.display_name or m.person.email for m in self.waiting_for)
        waiting = (
            f"{len(self.waiting_for)} of {self.eligible} members have not voted ({names})"
            if self.waiting_for
            else "every member has voted or stepped aside"
        )
        when = f"{self.closes_on:%-d %B %Y}" if self.closes_on else "its closing date"
        if self.closing_date_reached or self.all_voted:
            return (
                f"The vote cannot close: {waiting}. The quorum is {self.quorum} votes and {self.voted} "
                f"have been cast, so it stays open until enough have voted (or the CEO withdraws it)."
            )
        return (
            f"The vote cannot close before its closing date ({when}): {waiting}. It closes once every "
            f"member has voted, or from {when} with the quorum of {self.quorum} votes ({self.voted} cast)."
        )


def vote_state(vote: Vote, members=None, policy: VotePolicy | None = None) -> VoteState:
    policy = policy or VotePolicy.objects.for_trust()
    members = list(members if members is not None else vote.members.select_related("person"))
    eligible = [m for m in members if not m.stepped_aside]
    voted = sum(1 for m in eligible if m.choice)
    # More than quorum_percent of the eligible members, and never fewer than the policy's minimum.
    quorum = max(len(eligible) * policy.quorum_percent // 100 + 1, policy.minimum_votes)
    return VoteState(
        eligible=len(eligible),
        voted=voted,
        waiting_for=[m for m in eligible if not m.choice],
        quorum=quorum,
        closing_date_reached=vote.closes_on is not None and timezone.localdate() >= vote.closes_on,
        closes_on=vote.closes_on,
    )


@transaction.atomic
def vote_close(*, vote: Vote, by):
    """Close the vote once the trust's policy allows, count the votes cast and apply the outcome: the
    policy's majority of votes for and against moves the school, otherwise (a tie included) it stays
    where it is. Applied through `categorisation_decide`, like a CEO decision."""
    vote = (
        Vote.objects.select_for_update().select_related("school", "half_term", "from_level").get(pk=vote.pk)
    )
    _check_chair(by=by, dimension=vote.dimension, action="close")
    if VoteStatus.CARRIED not in VOTE_STATUS_MOVES[VoteStatus(vote.status)]:
        raise ValidationError(f"This vote is already {vote.get_status_display().lower()}.")
    policy = VotePolicy.objects.for_trust()
    members = list(vote.members.select_related("person"))
    state = vote_state(vote, members, policy)
    if not state.may_close:
        raise ValidationError(state.refusal(), code="vote_not_closable")
    counts = vote_count(vote)
    for_against = counts[Choice.FOR] + counts[Choice.AGAINST]
    carried = counts[Choice.FOR] * 100 > policy.carried_percent * for_against
    vote.status = VoteStatus.CARRIED if carried else VoteStatus.NOT_CARRIED
    vote.closed_by = by
    vote.closed_at = timezone.now()
    aside = len(members) - state.eligible
    vote.outcome_note = (
        f"{counts[Choice.FOR]} for, {counts[Choice.AGAINST]} against, {counts[Choice.ABSTAIN]} abstained"
        + (f", {aside} stepped aside." if aside else ".")
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
    record_append(
        actor=by,
        event="vote.closed",
        subject=vote,
        changes={
            "status": vote.status,
            "counts": {str(k): v for k, v in counts.items()},
            "decision": record.pk,
        },
    )
    vote_messages_queue(vote=vote, event=VoteEvent.OUTCOME, members=members)
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
    record_append(actor=by, event="vote.withdrawn", subject=vote, changes={"reason": reason.strip()})
    vote_messages_queue(vote=vote, event=VoteEvent.OUTCOME, members=list(vote.members.all()))
    return vote
