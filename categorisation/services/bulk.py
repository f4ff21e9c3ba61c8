"""Deciding many schools' categories for one half-term at once (the half-term screen's save).

The same rules as `categorisation_decide`, checked for every decision, in a fixed number of queries however
many schools are decided. A decision that is refused says why and is not saved; the others are. A decision
that changes nothing (same level, no new rationale, the same characteristics) writes nothing.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from records.chain import record_append_many

from ..models import AllowedMove, Categorisation, Characteristic, Dimension, Ladder, Level
from ..rules import area, check_decider, move_for
from .changes import decision_changes


@dataclass
class DecisionRequest:
    school: object
    level: Level
    rationale: str = ""
    # The pks of the ticked characteristics; None when they were not shown (the decision keeps none, and
    # they do not count as a change).
    characteristic_ids: set | None = None
    correction_reason: str = ""
    # Filled by categorisations_decide_many: the new revision, or why it was refused.
    record: Categorisation | None = None
    error: str = ""


def half_term_check_started(*, half_term, today=None) -> None:
    """Refuse a decision for a half-term that has not started yet."""
    today = today or timezone.localdate()
    if half_term.starts_on > today:
        raise ValidationError(
            f"{half_term.label} has not started yet (it starts on {half_term.starts_on:%-d %B %Y}): "
            "decide it once it has begun.",
            code="half_term_not_started",
        )


@transaction.atomic
def categorisations_decide_many(*, half_term, requests: list[DecisionRequest], by) -> list[Categorisation]:
    """Record each request's decision for the half-term; returns the new revisions (only real changes).

    Refusals are written on the requests (`error`) and nothing is saved for them.
    """
    if not requests:
        return []
    try:
        half_term_check_started(half_term=half_term)
    except ValidationError as refusal:
        for request in requests:
            request.error = " ".join(refusal.messages)
        return []
    school_ids = {request.school.pk for request in requests}
    # Lock the half-term's current records for these schools so two saves cannot interleave.
    current = {
        (record.school_id, record.dimension): record
        for record in Categorisation.objects.select_for_update(of=("self",))
        .filter(half_term=half_term, school_id__in=school_ids, is_current=True)
        .select_related("level")
        .prefetch_related("characteristics")
    }
    revisions = {
        (row["school_id"], row["dimension"]): row["last"]
        for row in Categorisation.objects.filter(half_term=half_term, school_id__in=school_ids)
        .values("school_id", "dimension")
        .annotate(last=Max("revision"))
    }
    before = _levels_before(school_ids=school_ids, half_term=half_term)
    allowed = {}
    for move in AllowedMove.objects.filter(from_level__ladder__is_active=True).select_related("to_level"):
        allowed.setdefault(move.from_level_id, []).append(move)
    active_ladders = set(Ladder.objects.active().values_list("pk", flat=True))
    wanted = {pk for request in requests for pk in request.characteristic_ids or ()}
    characteristics = {c.pk: c for c in Characteristic.objects.filter(pk__in=wanted).select_related("level")}

    now, replaced, made = timezone.now(), [], []
    for request in requests:
        dimension = Dimension(request.level.dimension)
        existing = current.get((request.school.pk, dimension))
        if _unchanged(request, existing):
            continue
        try:
            record = _checked(request, existing, before, allowed, characteristics, active_ladders, by)
        except ValidationError as refusal:
            request.error = " ".join(refusal.messages)
            continue
        record.half_term, record.decided_at = half_term, now
        record.revision = revisions.get((request.school.pk, dimension), 0) + 1
        if existing is not None:
            replaced.append(existing.pk)
        request.record = record
        made.append(record)

    if replaced:
        Categorisation.objects.filter(pk__in=replaced).update(is_current=False)
    Categorisation.objects.bulk_create(made)
    Through = Categorisation.characteristics.through
    Through.objects.bulk_create(
        [
            Through(categorisation_id=record.pk, characteristic_id=pk)
            for request in requests
            if request.record is not None
            for record in [request.record]
            for pk in request.characteristic_ids or ()
        ]
    )
    # The trust's hash-chained record: one entry a decision, appended in one go.
    record_append_many(
        {
            "actor": by,
            "event": "categorisation.decided",
            "subject": request.record,
            "changes": decision_changes(
                request.record,
                characteristics=[characteristics[pk] for pk in request.characteristic_ids or ()],
            ),
        }
        for request in requests
        if request.record is not None
    )
    return made


def _unchanged(request, existing) -> bool:
    if existing is None or existing.level_id != request.level.pk:
        return False
    rationale = request.rationale.strip()
    ticked = request.characteristic_ids
    return (not rationale or rationale == existing.rationale) and (
        ticked is None or ticked == {c.pk for c in existing.characteristics.all()}
    )


def _checked(request, existing, before, allowed, characteristics, active_ladders, by) -> Categorisation:
    """The new revision for a request, or a refusal (the same rules as categorisation_decide)."""
    school, level = request.school, request.level
    dimension = Dimension(level.dimension)
    if level.ladder_id not in active_ladders:
        raise ValidationError(f"{level} is not on the trust's active ladder: choose a level from it.")
    from_level = before.get((school.pk, dimension))
    moves_out = allowed.get(getattr(from_level, "pk", None), [])
    move = move_for(school=school, from_level=from_level, to_level=level, allowed=moves_out)
    check_decider(school=school, move=move, by=by)
    rationale, correction_reason = request.rationale.strip(), request.correction_reason.strip()
    if not move.is_stay and not move.is_first_placement and not rationale:
        raise ValidationError(
            f"Write the rationale for moving {school} from {move.from_level.name} to {level.name}.",
            code="rationale_needed",
        )
    locked = existing is not None and existing.is_locked
    if locked and not correction_reason:
        raise ValidationError(
            f"The letter for {school} has gone out with {existing.level.name} in {area(dimension)}: "
            "a change now is a correction, so give the reason for it.",
            code="correction_reason_needed",
        )
    wanted = request.characteristic_ids or set()
    ticked = [characteristics[pk] for pk in wanted if pk in characteristics]
    if len(ticked) != len(wanted) or any(
        c.level.dimension != dimension or c.level.ladder_id != level.ladder_id for c in ticked
    ):
        raise ValidationError(f"Tick only {dimension.label} characteristics from the trust's ladder.")
    return Categorisation(
        school=school,
        dimension=dimension,
        level=level,
        rationale=rationale,
        route=move.route,
        decided_by=by,
        is_current=True,
        correction_reason=correction_reason if locked else "",
        locked_at=existing.locked_at if existing is not None else None,
        locked_by_id=existing.locked_by_id if existing is not None else None,
    )


def _levels_before(*, school_ids, half_term) -> dict:
    """{(school_id, dimension): Level} the school stood at before the half-term (its latest earlier
    decision on the active ladder), in two queries."""
    latest = {}
    rows = (
        Categorisation.objects.current()
        .filter(school_id__in=school_ids, half_term__starts_on__lt=half_term.starts_on)
        .order_by("school_id", "dimension", "-half_term__starts_on")
        .values_list("school_id", "dimension", "level_id")
    )
    for school_id, dimension, level_id in rows:
        latest.setdefault((school_id, dimension), level_id)
    levels = Level.objects.select_related("ladder").in_bulk(set(latest.values()))
    return {key: levels[level_id] for key, level_id in latest.items() if levels[level_id].ladder.is_active}
