"""Deciding a school's category for a half-term, and locking decisions once the letter has gone out."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from records.chain import record_append

from ..models import Categorisation, Characteristic, Dimension, Level, Vote, VoteStatus
from ..rules import area, check_decider, level_before, move_for
from .bulk import half_term_check_started
from .changes import decision_changes


@transaction.atomic
def categorisation_decide(
    *,
    school,
    half_term,
    level: Level,
    by,
    characteristics=(),
    rationale: str = "",
    correction_reason: str = "",
    vote: Vote | None = None,
) -> Categorisation:
    """Record the school's category in `level`'s dimension for the half-term, as a new revision.

    The move is counted from the school's level before this half-term. Refused (nothing saved) when the
    ladder does not allow the move, when `by` may not make it, when a vote is needed and this is not its
    outcome, when the rationale for a change is missing, or when a decision that went out in a letter is
    changed without a reason for the correction, or when the half-term has not started yet.
    """
    dimension = Dimension(level.dimension)
    half_term_check_started(half_term=half_term)
    if not level.ladder.is_active:
        raise ValidationError(f"{level} is not on the trust's active ladder: choose a level from it.")
    rationale = rationale.strip()
    correction_reason = correction_reason.strip()
    # Lock the school's records for this half-term and dimension so two decisions cannot interleave.
    existing = list(
        Categorisation.objects.select_for_update()
        .filter(school=school, half_term=half_term, dimension=dimension)
        .order_by("revision")
    )
    current = next((record for record in existing if record.is_current), None)
    move = move_for(
        school=school,
        from_level=level_before(school=school, half_term=half_term, dimension=dimension),
        to_level=level,
    )
    check_decider(school=school, move=move, by=by, vote=vote)
    if vote is not None:
        _check_vote_outcome(vote=vote, school=school, half_term=half_term, move=move)
    if not move.is_stay and not move.is_first_placement and not rationale:
        raise ValidationError(
            f"Write the rationale for moving {school} from {move.from_level.name} to {level.name}.",
            code="rationale_needed",
        )
    if current is not None and current.is_locked and not correction_reason:
        raise ValidationError(
            f"The {half_term.label} letter for {school} has gone out with {current.level.name} in "
            f"{area(dimension)}: a change now is a correction, so give the reason for it.",
            code="correction_reason_needed",
        )
    ticked = list(
        Characteristic.objects.filter(pk__in=[getattr(c, "pk", c) for c in characteristics]).select_related(
            "level"
        )
    )
    if any(c.level.dimension != dimension or c.level.ladder_id != level.ladder_id for c in ticked):
        raise ValidationError(f"Tick only {dimension.label} characteristics from the trust's ladder.")

    if current is not None:
        Categorisation.objects.filter(pk=current.pk).update(is_current=False)
    record = Categorisation.objects.create(
        school=school,
        half_term=half_term,
        dimension=dimension,
        level=level,
        rationale=rationale,
        route=move.route if vote is None else vote.route,
        vote=vote,
        decided_by=by,
        decided_at=timezone.now(),
        revision=(existing[-1].revision + 1) if existing else 1,
        is_current=True,
        correction_reason=correction_reason if current is not None and current.is_locked else "",
        # A correction after the letter has gone out stays on the record of that letter's half-term.
        locked_at=current.locked_at if current is not None else None,
        locked_by=current.locked_by if current is not None else None,
    )
    record.characteristics.set(ticked)
    record_append(
        actor=by,
        event="categorisation.decided",
        subject=record,
        changes=decision_changes(record, characteristics=ticked),
    )
    return record


def _check_vote_outcome(*, vote, school, half_term, move) -> None:
    if (vote.school_id, vote.half_term_id, vote.dimension) != (
        school.pk,
        half_term.pk,
        move.to_level.dimension,
    ):
        raise ValidationError("That vote was about another school, half-term or dimension.")
    if vote.from_level_id != getattr(move.from_level, "pk", None):
        raise ValidationError(
            f"That vote was on a move from {vote.from_level.name}, but {school} now stands elsewhere."
        )
    outcome = vote.proposed_level if vote.status == VoteStatus.CARRIED else vote.from_level
    if vote.status not in (VoteStatus.CARRIED, VoteStatus.NOT_CARRIED) or outcome.pk != move.to_level.pk:
        raise ValidationError("A vote decides only its own outcome once it has closed.")


@transaction.atomic
def categorisations_lock(*, school, half_term, by) -> int:
    """Mark the half-term's decisions for the school as gone out in a letter. Safe to call again."""
    # One conditional UPDATE: a decision already locked keeps the time its letter first went out.
    return Categorisation.objects.filter(
        school=school, half_term=half_term, is_current=True, locked_at__isnull=True
    ).update(locked_at=timezone.now(), locked_by=by)
