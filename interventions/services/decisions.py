"""An intervention record closes with the outcome the categorisation decided, never a different one."""

from datetime import date

from django.core.exceptions import ValidationError

from categorisation.models import Categorisation, Dimension, Level
from schools.models import School

from ..ladder import INTERVENTION_DIMENSIONS


def latest_decision(*, school: School, dimension: str) -> Categorisation | None:
    """The school's latest current categorisation in a dimension (latest half-term, then latest decided)."""
    return (
        Categorisation.objects.current()
        .filter(school=school, dimension=dimension)
        .select_related("level", "half_term")
        .order_by("-half_term__starts_on", "-decided_at")
        .first()
    )


def outcome_matches_decision(*, school: School, dimension: str, outcome: str, since: date) -> Categorisation:
    """Refuse an outcome the categorisation does not show, with the reason and what to do instead."""
    decision = latest_decision(school=school, dimension=dimension)
    label = dimension.replace("_", " ")
    if decision is None or decision.decided_at.date() < since:
        raise ValidationError(
            f"No {label} categorisation of {school} has been decided since {since:%-d %B %Y}. "
            "Record the decision on the categorisation page first, then close this with its outcome."
        )
    if decision.level.code != outcome:
        raise ValidationError(
            f"The {label} decision for {school} ({decision.half_term.label}) is {decision.level.name}, "
            f"so this cannot close as '{outcome.replace('_', ' ')}'. Close it with the decided outcome, or "
            "change the decision on the categorisation page first."
        )
    return decision


def current_categories(*, school: School) -> dict:
    """{dimension: Level} of the school's latest decision in each dimension interventions follow."""
    found = {}
    for dimension in INTERVENTION_DIMENSIONS:
        decision = latest_decision(school=school, dimension=dimension)
        if decision is not None:
            found[dimension] = decision.level
    return found


def require_category(*, school: School, dimension: str, level: Level | None, what: str) -> Categorisation:
    """Refuse a record the school's category does not call for: say where it stands and what is needed."""
    label = Dimension(dimension).label.lower()
    if level is None:
        raise ValidationError(f"The loaded ladder has no {label} level that brings {what}.")
    decision = latest_decision(school=school, dimension=dimension)
    if decision is None:
        raise ValidationError(
            f"{school} has no {label} category yet. {what[0].upper()}{what[1:]} is for a school at "
            f"{level.name}: record that decision on the categorisation page first."
        )
    if decision.level.code != level.code:
        raise ValidationError(
            f"{school} stands at {label} {decision.level.name} ({decision.half_term.label}). "
            f"{what[0].upper()}{what[1:]} is only for a school at {level.name}: record the decision that "
            "moves it there first."
        )
    return decision
