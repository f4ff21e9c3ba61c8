"""The action's state machine, tested as a table: every from/to pair through the services."""

import itertools

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from audits import services
from audits.models import ALLOWED_MOVES, ActionEvent, ActionStatus, EventKind, Priority
from tests.audits.factories import action_at


def _move(action, to, world):
    today = timezone.localdate()
    if to == ActionStatus.REPORTED_DONE:
        return services.audit_action_report_done(
            action=action, actions_taken="Fitted", outcome="Closes", completed_on=today, by=world.head_a
        )
    if to == ActionStatus.REPORTED_NOT_ACTIONED:
        return services.audit_action_report_not_actioned(
            action=action, reason="Door removed", by=world.head_a
        )
    if to == ActionStatus.CLOSED:
        return services.audit_action_close(action=action, closed_on=today, by=world.compliance_manager)
    if to == ActionStatus.REOPENED:
        return services.audit_action_reopen(
            action=action, comment="Send a photo", by=world.compliance_manager
        )
    raise AssertionError(f"no service moves an action to {to}")


def test_no_move_leads_back_to_open():
    assert all(ActionStatus.OPEN not in targets for targets in ALLOWED_MOVES.values())


TARGETS = [s for s in ActionStatus if s != ActionStatus.OPEN]


@pytest.mark.parametrize(("start", "to"), list(itertools.product(ActionStatus, TARGETS)))
def test_every_move_is_allowed_exactly_when_the_table_says(world, start, to):
    action = action_at(world.school_a, owner=world.head_a, status=start, priority=Priority.LOW)
    allowed = to in ALLOWED_MOVES.get(start, set())
    if allowed:
        moved = _move(action, to, world)
        assert moved.status == to
        assert ActionEvent.objects.filter(action=action).last().kind == EventKind(to)
    else:
        with pytest.raises(ValidationError, match=f"cannot be {ActionStatus(to).label.lower()}"):
            _move(action, to, world)
        action.refresh_from_db()
        assert action.status == start


def test_each_step_records_who_and_when_and_the_thread_shows_them_all(world):
    action = action_at(world.school_a, owner=world.head_a, priority=Priority.LOW)
    for to in (ActionStatus.REPORTED_NOT_ACTIONED, ActionStatus.REOPENED, ActionStatus.REPORTED_DONE):
        action = _move(action, to, world)
    action = _move(action, ActionStatus.CLOSED, world)
    kinds = list(action.events.values_list("kind", "by__email"))
    assert kinds == [
        (EventKind.RECORDED, action.created_by.email),
        (EventKind.REPORTED_NOT_ACTIONED, "head.a@trust.example"),
        (EventKind.REOPENED, "compliance@trust.example"),
        (EventKind.REPORTED_DONE, "head.a@trust.example"),
        (EventKind.CLOSED, "compliance@trust.example"),
    ]
    assert action.closed_on == timezone.localdate()
