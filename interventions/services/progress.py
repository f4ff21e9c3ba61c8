"""Heads report progress on FREP directives and warning-notice targets, as they do on letter directives;
the trust (the CFO or the CEO for finance; the CEO or the EHT for an education notice) accepts the report,
which marks the item met, or returns it to the school with the reason."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .. import permissions
from ..models import FrepDirective, TargetStatus
from ..permissions import may_check_progress, may_report_progress
from .common import event_record, require_open, require_text
from .frep import target_move_check


def _record_of(item):
    """The FREP or notice an item belongs to, and what to call it."""
    if isinstance(item, FrepDirective):
        return item.frep, "FREP directive"
    return item.notice, "warning-notice target"


def _locked(item):
    model = type(item)
    related = "frep__school" if model is FrepDirective else "notice__school"
    return model.objects.select_for_update().select_related(related).get(pk=item.pk)


def target_progress_report(*, item, progress: str, done_on: date | None = None, by):
    """The school's head says what has been done (and when, if it is done)."""
    permissions.require(may_report_progress(by, item), "Only the school's head reports progress on this.")
    progress = require_text(progress, "Say what the school has done.")
    if done_on and done_on > timezone.localdate():
        raise ValidationError("The date it was done cannot be in the future.")
    with transaction.atomic():
        item = _locked(item)
        record, what = _record_of(item)
        require_open(record, "record")
        if item.status == TargetStatus.REPORTED:
            raise ValidationError("This has been reported already and is waiting for the trust's check.")
        item.status = target_move_check(current=item.status, status=TargetStatus.REPORTED, met_on=None)
        item.progress, item.done_on = progress, done_on
        item.reported_at, item.reported_by, item.returned_note = timezone.now(), by, ""
        item.save()
        event_record(record=record, school=record.school, action=f"Progress reported on a {what}", by=by,
                     detail=item.text[:200])  # fmt: skip
    return item


def target_progress_accept(*, item, by):
    """The trust accepts the school's report: the item is met, on the date the school gave."""
    permissions.require(may_check_progress(by, item), "You cannot check reports on this.")
    with transaction.atomic():
        item = _locked(item)
        record, what = _record_of(item)
        require_open(record, "record")
        if item.status != TargetStatus.REPORTED:
            raise ValidationError("Only a report from the school can be accepted; nothing is waiting.")
        met_on = item.done_on or timezone.localdate()
        item.status = target_move_check(current=item.status, status=TargetStatus.MET, met_on=met_on)
        item.met_on = met_on
        item.save()
        event_record(record=record, school=record.school, action=f"Report on a {what} accepted", by=by,
                     detail=item.text[:200])  # fmt: skip
    return item


def target_progress_return(*, item, note: str, by):
    """The trust returns the report: the item is open again, with the reason for the school to see."""
    permissions.require(may_check_progress(by, item), "You cannot check reports on this.")
    note = require_text(note, "Say why the report is being returned, so the school knows what is needed.")
    with transaction.atomic():
        item = _locked(item)
        record, what = _record_of(item)
        require_open(record, "record")
        if item.status != TargetStatus.REPORTED:
            raise ValidationError("Only a report from the school can be returned; nothing is waiting.")
        item.status = target_move_check(current=item.status, status=TargetStatus.OPEN, met_on=None)
        item.returned_note = note
        item.save()
        event_record(record=record, school=record.school, action=f"Report on a {what} returned", by=by,
                     detail=note[:200])  # fmt: skip
    return item


__all__ = [
    "may_check_progress",
    "may_report_progress",
    "target_progress_accept",
    "target_progress_report",
    "target_progress_return",
]
