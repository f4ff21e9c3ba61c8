"""Finance REPs: directives with deadlines; met in time or not feeds the CEO's/CFO's decision."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from categorisation.models import Dimension, Record
from records.chain import record_append
from schools.models import School

from .. import permissions
from ..ladder import outcome_check
from ..models import (
    TARGET_MOVES,
    Frep,
    FrepDirective,
    RecordStatus,
    TargetStatus,
)
from .common import event_record, require_open, require_text
from .decisions import outcome_matches_decision


def frep_open(*, school: School, written_on: date, summary: str = "", by) -> Frep:
    permissions.require(permissions.may_write_frep(by), "Only the CEO or the CFO writes a Finance REP.")
    with transaction.atomic():
        School.objects.select_for_update().get(pk=school.pk)
        current = Frep.objects.filter(school=school, status=RecordStatus.OPEN).first()
        if current:
            raise ValidationError(
                f"{school} already has an open Finance REP (written {current.written_on:%-d %B %Y}). "
                "Close it before writing another."
            )
        frep = Frep.objects.create(school=school, written_on=written_on, author=by, summary=summary)
        event_record(record=frep, school=school, action="Finance REP written", by=by)
    return frep


def frep_directive_add(*, frep: Frep, text: str, due_on: date, by) -> FrepDirective:
    permissions.require(permissions.may_write_frep(by), "Only the CEO or the CFO sets FREP directives.")
    text = require_text(text, "Enter the directive.")
    with transaction.atomic():
        frep = Frep.objects.select_for_update().get(pk=frep.pk)
        require_open(frep, "Finance REP")
        if due_on < frep.written_on:
            raise ValidationError(
                f"The deadline cannot be before the FREP was written ({frep.written_on:%-d %B %Y})."
            )
        directive = FrepDirective.objects.create(frep=frep, text=text, due_on=due_on)
        event_record(record=frep, school=frep.school, action="FREP directive set", by=by, detail=text[:200])
    return directive


def target_move_check(*, current: str, status: str, met_on) -> TargetStatus:
    """The allowed moves of a directive or target (TARGET_MOVES), and a met one needs its date."""
    status = TargetStatus(status)
    if status != current and status not in TARGET_MOVES[TargetStatus(current)]:
        raise ValidationError(
            f"A {TargetStatus(current).label.lower()} item cannot be marked {status.label.lower()} "
            "directly; put it back to open first."
        )
    if status == TargetStatus.MET and met_on is None:
        raise ValidationError("Enter the date it was met, like 27/3/2026.")
    return status


def frep_directive_record(
    *, directive: FrepDirective, status: str, met_on=None, note: str = "", by
) -> FrepDirective:
    permissions.require(
        permissions.may_write_frep(by), "Only the CEO or the CFO records whether a directive was met."
    )
    with transaction.atomic():
        directive = FrepDirective.objects.select_for_update().select_related("frep").get(pk=directive.pk)
        require_open(directive.frep, "Finance REP")
        directive.status = target_move_check(current=directive.status, status=status, met_on=met_on)
        directive.met_on = met_on if directive.status == TargetStatus.MET else None
        directive.note = note
        directive.save()
        event_record(
            record=directive.frep,
            school=directive.frep.school,
            action=f"FREP directive {directive.get_status_display().lower()}",
            by=by,
            detail=directive.text[:200],
        )
    return directive


def frep_close(*, frep: Frep, outcome: str, closed_on: date, note: str = "", by) -> Frep:
    """Close with the CEO's/CFO's decision: Universal (directives met in time) or Poor (not met)."""
    permissions.require(permissions.may_write_frep(by), "Only the CEO or the CFO closes a Finance REP.")
    level = outcome_check(
        dimension=Dimension.FINANCE, record=Record.PLAN, outcome=outcome, what="Finance REP"
    )
    with transaction.atomic():
        frep = Frep.objects.select_for_update().get(pk=frep.pk)
        require_open(frep, "Finance REP")
        still_open = frep.directives.filter(status=TargetStatus.OPEN).count()
        if still_open:
            raise ValidationError(
                f"{still_open} directive(s) are still open: record whether each was met before closing."
            )
        outcome_matches_decision(
            school=frep.school, dimension=Dimension.FINANCE, outcome=outcome, since=frep.written_on
        )
        frep.status, frep.outcome, frep.closed_on, frep.closed_by = (
            RecordStatus.CLOSED,
            outcome,
            closed_on,
            by,
        )
        frep.closing_note = note
        frep.save()
        event_record(
            record=frep, school=frep.school, action=f"Finance REP closed: {level.name}", by=by, detail=note
        )
        record_append(actor=by, event="intervention.closed", subject=frep, changes={"outcome": outcome})
    return frep
