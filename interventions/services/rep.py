"""Writing, following, reviewing, extending and closing a Rapid Enhancement Plan."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from categorisation.models import Dimension, Record
from records.chain import record_append
from schools.models import School

from .. import permissions
from ..ladder import outcome_check
from ..models import (
    ACTION_MOVES,
    ActionStatus,
    Milestone,
    RecordStatus,
    Rep,
    RepAction,
    RepExtension,
    RepMilestone,
    RepReview,
    milestone_due_on,
)
from .common import event_record, require_open, require_text
from .decisions import outcome_matches_decision


def rep_open(
    *, school: School, written_on: date, author, by, mentor=None, mentor_time: str = "", sdp_expected_on=None
) -> Rep:
    """Write a REP for a school in education Concerning, with its three milestones counted from the
    date written."""
    permissions.require(permissions.may_write_rep(by), "Only the CEO or the EHT writes a REP.")
    with transaction.atomic():
        School.objects.select_for_update().get(pk=school.pk)
        current = Rep.objects.filter(school=school, status=RecordStatus.OPEN).first()
        if current:
            raise ValidationError(
                f"{school} already has an open REP (written {current.written_on:%-d %B %Y}). "
                "Extend it or close it before writing another."
            )
        rep = Rep.objects.create(
            school=school,
            written_on=written_on,
            author=author,
            mentor=mentor,
            mentor_time=mentor_time,
            sdp_expected_on=sdp_expected_on,
            ends_on=milestone_due_on(written_on, Milestone.WEEK_6),
        )
        RepMilestone.objects.bulk_create(
            RepMilestone(rep=rep, milestone=m, due_on=milestone_due_on(written_on, m)) for m in Milestone
        )
        event_record(record=rep, school=school, action="REP written", by=by, detail=f"Author: {author}")
    return rep


def rep_details_update(
    *, rep: Rep, by, mentor=None, mentor_time: str = "", sdp_expected_on=None, sdp_received_on=None
) -> Rep:
    """Change the mentor and their time, and record when the reviewed SDP is expected and arrived."""
    permissions.require(permissions.may_write_rep(by), "Only the CEO or the EHT changes a REP.")
    with transaction.atomic():
        rep = Rep.objects.select_for_update().get(pk=rep.pk)
        require_open(rep, "REP")
        rep.mentor, rep.mentor_time = mentor, mentor_time
        rep.sdp_expected_on, rep.sdp_received_on = sdp_expected_on, sdp_received_on
        rep.save()
        event_record(record=rep, school=rep.school, action="REP details changed", by=by)
    return rep


def rep_funding_approve(*, rep: Rep, amount: Decimal, approved_on: date, by) -> Rep:
    """The CEO approves extra funding from the school's reserves."""
    permissions.require(
        permissions.may_approve_funding(by),
        "Only the CEO approves extra funding from a school's reserves.",
    )
    if amount is None or amount <= 0:
        raise ValidationError("Enter the amount approved, more than £0.")
    with transaction.atomic():
        rep = Rep.objects.select_for_update().get(pk=rep.pk)
        require_open(rep, "REP")
        rep.funding_amount, rep.funding_approved_on, rep.funding_approved_by = amount, approved_on, by
        rep.save()
        event_record(
            record=rep, school=rep.school, action="Extra funding approved", by=by, detail=f"£{amount:,.2f}"
        )
    return rep


def rep_milestone_reschedule(*, milestone: RepMilestone, due_on: date, by) -> RepMilestone:
    permissions.require(permissions.may_write_rep(by), "Only the CEO or the EHT changes a milestone's date.")
    with transaction.atomic():
        milestone = RepMilestone.objects.select_for_update().select_related("rep").get(pk=milestone.pk)
        require_open(milestone.rep, "REP")
        if due_on < milestone.rep.written_on:
            raise ValidationError(
                "A milestone cannot be due before the REP was written "
                f"({milestone.rep.written_on:%-d %B %Y})."
            )
        was = milestone.due_on
        milestone.due_on = due_on
        milestone.save()
        event_record(
            record=milestone.rep,
            school=milestone.rep.school,
            action=f"{milestone.get_milestone_display()} moved",
            by=by,
            detail=f"From {was:%-d %B %Y} to {due_on:%-d %B %Y}",
        )
    return milestone


def rep_action_add(*, milestone: RepMilestone, text: str, owner, by) -> RepAction:
    permissions.require(permissions.may_write_rep(by), "Only the CEO or the EHT adds REP actions.")
    text = require_text(text, "Enter the action.")
    with transaction.atomic():
        rep = Rep.objects.select_for_update().get(pk=milestone.rep_id)
        require_open(rep, "REP")
        action = RepAction.objects.create(milestone=milestone, text=text, owner=owner)
        event_record(record=rep, school=rep.school, action="REP action added", by=by, detail=text[:200])
    return action


def rep_action_progress(*, action: RepAction, status: str, note: str = "", done_on=None, by) -> RepAction:
    """The owner (or the CEO/EHT) records progress; the allowed moves are in ACTION_MOVES."""
    permissions.require(
        permissions.may_update_action(by, action), "Only the action's owner, the CEO or the EHT updates it."
    )
    with transaction.atomic():
        action = RepAction.objects.select_for_update().select_related("milestone__rep").get(pk=action.pk)
        rep = action.milestone.rep
        require_open(rep, "REP")
        status = ActionStatus(status)
        if status != action.status and status not in ACTION_MOVES[ActionStatus(action.status)]:
            raise ValidationError(
                f"An action that is {action.get_status_display().lower()} cannot go back to "
                f"{status.label.lower()}."
            )
        if status == ActionStatus.DONE and done_on is None:
            raise ValidationError("Enter the date the action was done, like 27/3/2026.")
        action.status = status
        action.done_on = done_on if status == ActionStatus.DONE else None
        action.progress_note = note
        action.save()
        event_record(
            record=rep,
            school=rep.school,
            action=f"Action {status.label.lower()}",
            by=by,
            detail=action.text[:200],
        )
    return action


def rep_review_record(
    *, milestone: RepMilestone, reviewed_on: date, reviewers, notes: str, on_track: bool, by
) -> RepReview:
    """A milestone review by the CEO/EHT and head (and mentor)."""
    rep = milestone.rep
    permissions.require(
        permissions.may_review_rep(by, rep.school_id),
        "Milestone reviews are recorded by the CEO, the EHT, the head or the mentor.",
    )
    notes = require_text(notes, "Enter what the review found.")
    if not reviewers:
        raise ValidationError("Choose who took part in the review.")
    with transaction.atomic():
        rep = Rep.objects.select_for_update().get(pk=rep.pk)
        require_open(rep, "REP")
        review = RepReview.objects.create(
            milestone=milestone, reviewed_on=reviewed_on, notes=notes, on_track=on_track, recorded_by=by
        )
        review.reviewers.set(reviewers)
        event_record(
            record=rep,
            school=rep.school,
            action=f"{milestone.get_milestone_display()} reviewed",
            by=by,
            detail="On track" if on_track else "Not on track",
        )
    return review


def rep_extend(*, rep: Rep, new_ends_on: date, reason: str, granted_on: date, by) -> RepExtension:
    """A new end date. It is kept, and counts towards Poor ("multiple REPs or REP extensions")."""
    permissions.require(permissions.may_write_rep(by), "Only the CEO or the EHT extends a REP.")
    reason = require_text(reason, "Enter why the REP is being extended.")
    with transaction.atomic():
        rep = Rep.objects.select_for_update().get(pk=rep.pk)
        require_open(rep, "REP")
        if new_ends_on <= rep.ends_on:
            raise ValidationError(
                f"The new end date must be after the current one ({rep.ends_on:%-d %B %Y})."
            )
        extension = RepExtension.objects.create(
            rep=rep,
            previous_ends_on=rep.ends_on,
            new_ends_on=new_ends_on,
            reason=reason,
            granted_on=granted_on,
            granted_by=by,
        )
        rep.ends_on = new_ends_on
        rep.save()
        event_record(
            record=rep,
            school=rep.school,
            action=f"REP extended to {new_ends_on:%-d %B %Y}",
            by=by,
            detail=reason,
        )
    return extension


def rep_close(*, rep: Rep, outcome: str, closed_on: date, note: str = "", by) -> Rep:
    """Close the REP with the outcome the CEO decided: back to Universal, or Poor."""
    permissions.require(permissions.may_write_rep(by), "Only the CEO or the EHT closes a REP.")
    level = outcome_check(dimension=Dimension.EDUCATION, record=Record.PLAN, outcome=outcome, what="REP")
    with transaction.atomic():
        rep = Rep.objects.select_for_update().get(pk=rep.pk)
        require_open(rep, "REP")
        outcome_matches_decision(
            school=rep.school, dimension=Dimension.EDUCATION, outcome=outcome, since=rep.written_on
        )
        rep.status, rep.outcome, rep.closed_on, rep.closed_by = RecordStatus.CLOSED, outcome, closed_on, by
        rep.closing_note = note
        rep.save()
        event_record(record=rep, school=rep.school, action=f"REP closed: {level.name}", by=by, detail=note)
        record_append(actor=by, event="intervention.closed", subject=rep, changes={"outcome": outcome})
    return rep
