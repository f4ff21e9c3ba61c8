from datetime import date

from django.db import transaction

from schools.models import School

from .. import permissions
from ..models import Counterpart, RebrokerageConversation
from .common import event_record, require_text


def rebrokerage_conversation_record(
    *, school: School, held_on: date, counterpart: str, people: str, summary: str, next_steps: str = "", by
) -> RebrokerageConversation:
    """Log a conversation with the LA and/or the DfE about re-brokering a Deficient school."""
    permissions.require(
        permissions.may_write_rebrokerage(by), "Only the CEO records re-brokerage conversations."
    )
    people = require_text(people, "Enter who took part.")
    summary = require_text(summary, "Enter what was said.")
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
