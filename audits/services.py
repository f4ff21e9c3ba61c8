"""Every change to audits and audit actions. Each move of an action is one function here, and only these
functions set an action's status; views, the import, the demo and tasks all call them."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from audits.models import (
    ALLOWED_MOVES,
    ActionEvent,
    ActionStatus,
    Audit,
    AuditAction,
    AuditType,
    EventKind,
    Priority,
    evidence_path,
    report_path,
)
from audits.permissions import (
    require_close,
    require_import,
    require_record,
    require_reopen,
    require_report,
)
from notifications import hand_offs
from schools.models import School
from trust_portal.uploads import validate_upload


def _check_move(action: AuditAction, to: str):
    if to not in ALLOWED_MOVES.get(action.status, set()):
        raise ValidationError(
            f"This action is {action.get_status_display().lower()}, so it cannot be "
            f"{ActionStatus(to).label.lower()}. {_what_next(action)}"
        )


def _what_next(action: AuditAction) -> str:
    moves = ALLOWED_MOVES.get(action.status, set())
    if not moves:
        return ""
    return "It can now be " + " or ".join(sorted(ActionStatus(m).label.lower() for m in moves)) + "."


def _store(upload, path_for) -> tuple[str, str]:
    """Check and save an upload before the database transaction (file work stays outside it)."""
    if not upload:
        return "", ""
    validate_upload(upload)
    return default_storage.save(path_for(upload.name), upload), upload.name[:200]


def _locked(action: AuditAction) -> AuditAction:
    return AuditAction.objects.select_for_update().select_related("audit").get(pk=action.pk)


def audit_create(
    *,
    school: School,
    audit_type: AuditType,
    carried_out_on: date,
    auditor: str = "",
    report=None,
    by,
) -> Audit:
    """Record an audit carried out at a school (with its report, if there is one)."""
    require_record(by)
    if carried_out_on > timezone.localdate():
        raise ValidationError(
            "The date of the audit cannot be in the future: enter the day it was carried out."
        )
    stored, name = _store(report, lambda filename: report_path(Audit(school=school), filename))
    with transaction.atomic():
        audit = Audit.objects.create(
            school=school,
            audit_type=audit_type,
            carried_out_on=carried_out_on,
            auditor=auditor,
            report=stored,
            report_name=name,
            recorded_by=by,
        )
    return audit


def audit_action_create(
    *, audit: Audit, description: str, priority: Priority, due_on: date, owner, by
) -> AuditAction:
    """Record an action an audit left the school, owned by a person (usually the head)."""
    require_record(by, audit, doing="record audit actions")
    if not description.strip():
        raise ValidationError("Enter what the school must do.")
    with transaction.atomic():
        action = AuditAction.objects.create(
            audit=audit,
            description=description.strip(),
            priority=priority,
            due_on=due_on,
            owner=owner,
            created_by=by,
        )
        ActionEvent.objects.create(action=action, kind=EventKind.RECORDED, by=by)
    return action


def audit_action_report_done(
    *, action: AuditAction, actions_taken: str, outcome: str, completed_on: date, evidence=None, by
) -> AuditAction:
    """The school reports the action done: what it did, the outcome, when, and optionally evidence."""
    require_report(by, action)
    if completed_on > timezone.localdate():
        raise ValidationError(
            "The completion date cannot be in the future: report the action once it is done."
        )
    if not actions_taken.strip() or not outcome.strip():
        raise ValidationError("Say what actions were taken and what the outcome was.")
    stored, name = _store(evidence, lambda filename: evidence_path(ActionEvent(action=action), filename))
    with transaction.atomic():
        action = _locked(action)
        _check_move(action, ActionStatus.REPORTED_DONE)
        ActionEvent.objects.create(
            action=action,
            kind=EventKind.REPORTED_DONE,
            by=by,
            actions_taken=actions_taken.strip(),
            outcome=outcome.strip(),
            completed_on=completed_on,
            evidence=stored,
            evidence_name=name,
        )
        action.status = ActionStatus.REPORTED_DONE
        action.reported_at = timezone.now()
        action.save(update_fields=["status", "reported_at"])
    return action


def audit_action_report_not_actioned(*, action: AuditAction, reason: str, by) -> AuditAction:
    """The school explains why it decided not to act."""
    require_report(by, action)
    if not reason.strip():
        raise ValidationError("Give the reason the school decided not to carry out this action.")
    with transaction.atomic():
        action = _locked(action)
        _check_move(action, ActionStatus.REPORTED_NOT_ACTIONED)
        ActionEvent.objects.create(
            action=action, kind=EventKind.REPORTED_NOT_ACTIONED, by=by, reason=reason.strip()
        )
        action.status = ActionStatus.REPORTED_NOT_ACTIONED
        action.reported_at = timezone.now()
        action.save(update_fields=["status", "reported_at"])
    return action


def _has_evidence(action: AuditAction) -> bool:
    latest_report = (
        action.events.filter(kind__in=[EventKind.REPORTED_DONE, EventKind.REPORTED_NOT_ACTIONED])
        .order_by("-at", "-pk")
        .first()
    )
    return bool(latest_report and latest_report.evidence)


def audit_action_close(
    *, action: AuditAction, closed_on: date, comment: str = "", evidence=None, by
) -> AuditAction:
    """The compliance manager has checked the school's report and closes the action.

    A high-priority action is never closed on a narrative alone: the school's report, or the compliance
    manager here, must supply evidence.
    """
    require_close(by, action)
    if closed_on > timezone.localdate():
        raise ValidationError("The closure date cannot be in the future.")
    stored, name = _store(evidence, lambda filename: evidence_path(ActionEvent(action=action), filename))
    with transaction.atomic():
        action = _locked(action)
        _check_move(action, ActionStatus.CLOSED)
        if action.priority == Priority.HIGH and not stored and not _has_evidence(action):
            raise ValidationError(
                "A high-priority action cannot be closed on a narrative alone. Attach evidence (a "
                "certificate, photo or report), or reopen it and ask the school for evidence."
            )
        ActionEvent.objects.create(
            action=action,
            kind=EventKind.CLOSED,
            by=by,
            closed_on=closed_on,
            comment=comment.strip(),
            evidence=stored,
            evidence_name=name,
        )
        action.status = ActionStatus.CLOSED
        action.closed_on = closed_on
        action.save(update_fields=["status", "closed_on"])
    return action


def audit_action_reopen(*, action: AuditAction, comment: str, due_on: date | None = None, by) -> AuditAction:
    """The compliance manager sends the action back to the school, saying why (and perhaps a new date)."""
    require_reopen(by, action)
    if not comment.strip():
        raise ValidationError("Say why the action is reopened and what the school still needs to do.")
    with transaction.atomic():
        action = _locked(action)
        _check_move(action, ActionStatus.REOPENED)
        ActionEvent.objects.create(action=action, kind=EventKind.REOPENED, by=by, comment=comment.strip())
        action.status = ActionStatus.REOPENED
        action.closed_on = None
        action.reported_at = None
        fields = ["status", "closed_on", "reported_at"]
        if due_on:
            action.due_on = due_on
            fields.append("due_on")
        action.save(update_fields=fields)
        hand_offs.action_reopened(action)
    return action


def audit_actions_import(*, rows: list[dict], by) -> list[AuditAction]:
    """Save a prepared import (see `audits.imports.prepare`) all at once, or nothing.

    Rows for the same school, audit type and date become actions of one audit (an existing one if
    it is already recorded). A row matching an action already recorded (same school, audit, action
    text and due date), or an earlier row, is skipped: importing the same file twice adds nothing.
    """
    from audits.imports import action_key, existing_keys

    require_import(by)
    from django.contrib.auth import get_user_model

    people = get_user_model().objects.in_bulk({row["owner_id"] for row in rows})
    created = []
    with transaction.atomic():
        audits = {}
        recorded = existing_keys(rows) if rows else set()
        for row in rows:
            same = action_key(
                row["school_id"],
                row["audit_type_id"],
                row["carried_out_on"],
                row["description"],
                row["due_on"],
            )
            if same in recorded:
                continue
            recorded.add(same)
            key = (row["school_id"], row["audit_type_id"], row["carried_out_on"])
            if key not in audits:
                audit = Audit.objects.filter(
                    school_id=key[0], audit_type_id=key[1], carried_out_on=key[2]
                ).first()
                if audit is None:
                    audit = Audit.objects.create(
                        school_id=key[0],
                        audit_type_id=key[1],
                        carried_out_on=date.fromisoformat(key[2]),
                        auditor=row["auditor"],
                        recorded_by=by,
                    )
                audits[key] = audit
            action = AuditAction.objects.create(
                audit=audits[key],
                description=row["description"],
                priority=row["priority"],
                due_on=date.fromisoformat(row["due_on"]),
                owner=people[row["owner_id"]],
                created_by=by,
            )
            ActionEvent.objects.create(action=action, kind=EventKind.RECORDED, by=by, comment="Imported")
            created.append(action)
        hand_offs.actions_imported(created)
    return created
