"""What the loaded ladder says about intervention records.

Each record belongs to one level of the active ladder (`Level.record`): the plan (REP or Finance REP), the
warning notice and the Improvement Board; the re-brokerage log belongs to the ladder's last level. A record
closes with a move the ladder allows out of its level, so another trust's ladder needs no code.
"""

from django.core.exceptions import ValidationError

from categorisation.models import AllowedMove, Dimension, Level

# The dimensions intervention records follow (Site & H&S shares the education records).
INTERVENTION_DIMENSIONS = (Dimension.EDUCATION, Dimension.FINANCE)
DIMENSION_CHOICES = [(d.value, d.label) for d in INTERVENTION_DIMENSIONS]


def intervention_dimension(value: str) -> Dimension:
    if value not in {d.value for d in INTERVENTION_DIMENSIONS}:
        raise ValidationError(f"Interventions follow the education and finance categories, not '{value}'.")
    return Dimension(value)


def record_level(*, dimension: str, record: str) -> Level | None:
    """The active ladder's level that brings this record in this dimension."""
    return Level.objects.active().filter(dimension=dimension, record=record).first()


def last_level(*, dimension: str) -> Level | None:
    return Level.objects.active().filter(dimension=dimension).order_by("-position").first()


def outcome_levels(*, dimension: str, record: str) -> list[Level]:
    """Where a record may close: the levels the ladder allows a move to from the record's level."""
    level = record_level(dimension=dimension, record=record)
    if level is None:
        return []
    moves = AllowedMove.objects.filter(from_level=level).select_related("to_level")
    return [move.to_level for move in moves.order_by("to_level__position")]


def outcome_choices(*, dimension: str, record: str) -> list[tuple[str, str]]:
    return [(level.code, level.name) for level in outcome_levels(dimension=dimension, record=record)]


def outcome_check(*, dimension: str, record: str, outcome: str, what: str) -> Level:
    """Refuse an outcome the ladder does not allow for this record, naming the ones it does."""
    allowed = outcome_levels(dimension=dimension, record=record)
    for level in allowed:
        if level.code == outcome:
            return level
    names = " or ".join(level.name for level in allowed) or "no outcome on the loaded ladder"
    raise ValidationError(f"A {what} ends with the school at {names}.")


def outcome_name(*, dimension: str, code: str) -> str:
    if not code:
        return ""
    level = Level.objects.active().filter(dimension=dimension, code=code).first()
    return level.name if level else code.replace("_", " ").capitalize()
