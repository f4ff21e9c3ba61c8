from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from audits import services
from audits.models import ActionStatus, Priority
from tests.audits.factories import action_at


def _pdf(name="certificate.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.7 a certificate")


def test_a_high_priority_action_cannot_be_closed_on_a_narrative_alone(world):
    action = action_at(world.school_a, owner=world.head_a, priority=Priority.HIGH)
    services.audit_action_report_done(
        action=action,
        actions_taken="Fixed",
        outcome="Safe",
        completed_on=timezone.localdate(),
        by=world.head_a,
    )
    with pytest.raises(ValidationError, match="cannot be closed on a narrative alone. Attach evidence"):
        services.audit_action_close(
            action=action, closed_on=timezone.localdate(), by=world.compliance_manager
        )
    action.refresh_from_db()
    assert action.status == ActionStatus.REPORTED_DONE


def test_a_high_priority_action_reported_with_evidence_can_be_closed(world):
    action = action_at(world.school_a, owner=world.head_a, priority=Priority.HIGH)
    services.audit_action_report_done(
        action=action,
        actions_taken="Fixed",
        outcome="Safe",
        completed_on=timezone.localdate(),
        evidence=_pdf(),
        by=world.head_a,
    )
    closed = services.audit_action_close(
        action=action, closed_on=timezone.localdate(), by=world.compliance_manager
    )
    assert closed.status == ActionStatus.CLOSED


def test_the_compliance_manager_may_supply_the_evidence_when_closing(world):
    action = action_at(world.school_a, owner=world.head_a, priority=Priority.HIGH)
    services.audit_action_report_not_actioned(action=action, reason="Contractor did it", by=world.head_a)
    closed = services.audit_action_close(
        action=action, closed_on=timezone.localdate(), evidence=_pdf(), by=world.compliance_manager
    )
    assert closed.status == ActionStatus.CLOSED
    assert closed.events.last().evidence_name == "certificate.pdf"


def test_a_head_cannot_close_an_audit_action(world):
    action = action_at(world.school_a, owner=world.head_a, status=ActionStatus.REPORTED_DONE)
    with pytest.raises(PermissionDenied, match="Only the compliance manager may close"):
        services.audit_action_close(action=action, closed_on=timezone.localdate(), by=world.head_a)


def test_only_the_schools_own_head_may_report(world):
    action = action_at(world.school_a, owner=world.head_a)
    for outsider in (world.head_b, world.lsb_chair_a, world.compliance_manager):
        with pytest.raises(PermissionDenied, match="headteacher or head of school"):
            services.audit_action_report_not_actioned(action=action, reason="No", by=outsider)


def test_a_report_needs_a_completion_date_not_in_the_future(world):
    action = action_at(world.school_a, owner=world.head_a)
    with pytest.raises(ValidationError, match="completion date cannot be in the future"):
        services.audit_action_report_done(
            action=action,
            actions_taken="Fixed",
            outcome="Safe",
            completed_on=timezone.localdate() + timedelta(days=1),
            by=world.head_a,
        )


def test_reopening_needs_a_comment_and_may_set_a_new_due_date(world):
    action = action_at(world.school_a, owner=world.head_a, status=ActionStatus.REPORTED_DONE)
    with pytest.raises(ValidationError, match="Say why the action is reopened"):
        services.audit_action_reopen(action=action, comment=" ", by=world.compliance_manager)
    new_date = timezone.localdate() + timedelta(days=21)
    reopened = services.audit_action_reopen(
        action=action, comment="Photo please", due_on=new_date, by=world.compliance_manager
    )
    assert (reopened.status, reopened.due_on) == (ActionStatus.REOPENED, new_date)


def test_a_disallowed_evidence_file_is_refused_before_anything_changes(world):
    action = action_at(world.school_a, owner=world.head_a)
    with pytest.raises(ValidationError, match="must be one of: PDF"):
        services.audit_action_report_done(
            action=action,
            actions_taken="Fixed",
            outcome="Safe",
            completed_on=timezone.localdate(),
            evidence=SimpleUploadedFile("run-me.exe", b"MZ"),
            by=world.head_a,
        )
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
