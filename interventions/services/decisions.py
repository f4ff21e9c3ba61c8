"""An intervention record closes with the outcome the categorisation decided, never a different one."""

from datetime import date

from django.core.exceptions import ValidationError

from categorisation.models import Categorisation
from schools.models import School


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
