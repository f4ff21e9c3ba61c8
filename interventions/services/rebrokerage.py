from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from categorisation.models import Dimension
from schools.models import School

from .. import permissions
from ..ladder import INTERVENTION_DIMENSIONS, last_level
from ..models import Counterpart, RebrokerageConversation
from .common import event_record, require_text
from .decisions import latest_decision


def _require_last_level(school: School) -> None:
    """Re-brokerage is for a school at the ladder's last level in education or finance."""
    standing = []
    for dimension in INTERVENTION_DIMENSIONS:
        last, decision = last_level(dimension=dimension), latest_decision(school=school, dimension=dimension)
        if last and decision and decision.level_id == last.pk:
            return
        if decision:
            standing.append(f"{Dimension(dimension).label.lower()} {decision.level.name}")
    last_names = " or ".join(
        sorted({level.name for d in INTERVENTION_DIMENSIONS if (level := last_level(dimension=d))})
    )
    raise ValidationError(
        f"Re-brokerage conversations are recorded for a school at {last_names}; {school} stands at "
        f"{', '.join(standing) or 'no category yet'}. Record the decision that moves it there first."
    )


def rebrokerage_conversation_record(
    *, school: School, held_on: date, counterpart: str, people: str, summary: str, next_steps: str = "", by
) -> RebrokerageConversation:
    """Log a conversation with the LA and/or the DfE about re-brokering a Deficient school."""
    permissions.require(
        permissions.may_write_rebrokerage(by), "Only the CEO records re-brokerage conversations."
    )
    people = require_text(people, "Enter who took part.")
    summary = require_text(summary, "Enter what was said.")
    _require_last_level(school)
    with transaction.atomic():
        conversation = RebrokerageConversation.objects.create(
            school=school,
            held_on=held_on,
            counterpart=Counterpart(counterpart),
            people=people,
            summary=summary,
            next_steps=next_steps,
            recorded_by=by,
        )
        event_record(record=conversation, school=school, action="Re-brokerage conversation recorded", by=by)
    return conversation
