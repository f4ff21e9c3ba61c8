"""Unacceptable: the Improvement Board, its plan and monthly reports, the HR support plan."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from categorisation.models import Record
from records.chain import record_append
from schools.models import School

from .. import permissions
from ..ladder import intervention_dimension, record_level
from ..models import (
    MIN_BOARD_MEMBERS,
    BoardMember,
    HrSupportPlan,
    ImprovementBoard,
    MonthlyReport,
    RecordStatus,
)
from .common import event_record, require_open, require_text
from .decisions import require_category


def board_form(
    *,
    school: School,
    dimension: str,
    formed_on: date,
    members: list[tuple[str, str]],
    interim_leader: str = "",
    by,
) -> ImprovementBoard:
    """Record the Trustee-appointed Improvement Board (at least three members) for a school at the
    ladder's level where the trust takes over, in that dimension."""
    permissions.require(permissions.may_write_board(by), "Only the CEO records an Improvement Board.")
    dimension = intervention_dimension(dimension)
    members = [(name.strip(), expertise.strip()) for name, expertise in members if name.strip()]
    if len(members) < MIN_BOARD_MEMBERS:
        raise ValidationError(
            f"An Improvement Board has at least {MIN_BOARD_MEMBERS} members; {len(members)} given. "
            "Add the other members."
        )
    with transaction.atomic():
        School.objects.select_for_update().get(pk=school.pk)
        require_category(
            school=school,
            dimension=dimension,
            level=record_level(dimension=dimension, record=Record.TAKEOVER),
            what="an Improvement Board",
        )
        if ImprovementBoard.objects.filter(school=school, status=RecordStatus.OPEN).exists():
            raise ValidationError(f"{school} already has an Improvement Board in place.")
        board = ImprovementBoard.objects.create(
            school=school,
            dimension=dimension,
            formed_on=formed_on,
            interim_leader=interim_leader,
            created_by=by,
        )
        BoardMember.objects.bulk_create(BoardMember(board=board, name=n, expertise=e) for n, e in members)
        event_record(
            record=board,
            school=school,
            action="Improvement Board formed",
            by=by,
            detail=", ".join(n for n, _ in members),
        )
    return board


def board_member_add(*, board: ImprovementBoard, name: str, expertise: str = "", by) -> BoardMember:
    permissions.require(permissions.may_write_board(by), "Only the CEO changes the Improvement Board.")
    name = require_text(name, "Enter the member's name.")
    with transaction.atomic():
        board = ImprovementBoard.objects.select_for_update().get(pk=board.pk)
        require_open(board, "Improvement Board")
        member = BoardMember.objects.create(board=board, name=name, expertise=expertise)
        event_record(record=board, school=board.school, action="Board member added", by=by, detail=name)
    return member


def board_member_remove(*, member: BoardMember, reason: str, by) -> None:
    permissions.require(permissions.may_write_board(by), "Only the CEO changes the Improvement Board.")
    reason = require_text(reason, "Enter why the member is leaving the board.")
    with transaction.atomic():
        board = ImprovementBoard.objects.select_for_update().get(pk=member.board_id)
        require_open(board, "Improvement Board")
        if board.members.count() <= MIN_BOARD_MEMBERS:
            raise ValidationError(
                f"The board would have fewer than {MIN_BOARD_MEMBERS} members. Add the new member first."
            )
        name = member.name
        member.delete()
        event_record(
            record=board, school=board.school, action="Board member left", by=by, detail=f"{name}: {reason}"
        )


def board_details_update(
    *, board: ImprovementBoard, interim_leader: str, action_plan: str, by
) -> ImprovementBoard:
    """The interim executive principal/head and the board's action plan.

    A changed plan needs the E&S Committee's approval again."""
    permissions.require(permissions.may_write_board(by), "Only the CEO changes the Improvement Board.")
    with transaction.atomic():
        board = ImprovementBoard.objects.select_for_update().get(pk=board.pk)
        require_open(board, "Improvement Board")
        if action_plan.strip() != board.action_plan.strip():
            board.plan_approved_on, board.plan_approved_by = None, None
        board.interim_leader, board.action_plan = interim_leader.strip(), action_plan.strip()
        board.save()
        event_record(
            record=board, school=board.school, action="Interim leader and action plan recorded", by=by
        )
    return board


def board_plan_approve(*, board: ImprovementBoard, approved_on: date, by) -> ImprovementBoard:
    """Record the E&S Committee's approval of the action plan."""
    permissions.require(
        permissions.may_approve_plan(by),
        "The CEO or the E&S Committee chair records the committee's approval.",
    )
    with transaction.atomic():
        board = ImprovementBoard.objects.select_for_update().get(pk=board.pk)
        require_open(board, "Improvement Board")
        if not board.action_plan:
            raise ValidationError("Record the action plan before its approval.")
        board.plan_approved_on, board.plan_approved_by = approved_on, by
        board.save()
        event_record(
            record=board, school=board.school, action="Action plan approved by the E&S Committee", by=by
        )
    return board


def board_report_record(
    *, board: ImprovementBoard, month: date, received_on: date, summary: str, by
) -> MonthlyReport:
    permissions.require(
        permissions.may_record_report(by, board),
        "Monthly reports are recorded by the CEO, the EHT or the head.",
    )
    summary = require_text(summary, "Enter what the report says.")
    month = month.replace(day=1)
    with transaction.atomic():
        board = ImprovementBoard.objects.select_for_update().get(pk=board.pk)
        require_open(board, "Improvement Board")
        if month < board.formed_on.replace(day=1):
            raise ValidationError(
                f"The board was formed in {board.formed_on:%B %Y}; choose that month or later."
            )
        if MonthlyReport.objects.filter(board=board, month=month).exists():
            raise ValidationError(f"The report for {month:%B %Y} is already recorded.")
        report = MonthlyReport.objects.create(
            board=board, month=month, received_on=received_on, summary=summary, recorded_by=by
        )
        event_record(
            record=board, school=board.school, action=f"Monthly report for {month:%B %Y} recorded", by=by
        )
    return report


def hr_support_plan_save(*, board: ImprovementBoard, text: str, by) -> HrSupportPlan:
    permissions.require(permissions.may_write_hr_plan(by), "Only the CEO writes the HR support plan.")
    text = require_text(text, "Enter the HR support plan.")
    with transaction.atomic():
        board = ImprovementBoard.objects.select_for_update().get(pk=board.pk)
        require_open(board, "Improvement Board")
        plan, _ = HrSupportPlan.objects.update_or_create(
            board=board, defaults={"text": text, "updated_by": by}
        )
        # The plan itself is restricted, so the record says only that it changed.
        event_record(record=board, school=board.school, action="HR support plan saved", by=by)
    return plan


def board_close(*, board: ImprovementBoard, closed_on: date, note: str, by) -> ImprovementBoard:
    """Stand the board down when the Trust Board's vote has moved the school out of Unacceptable."""
    permissions.require(permissions.may_write_board(by), "Only the CEO stands an Improvement Board down.")
    note = require_text(note, "Enter why the board is standing down (the Trust Board's vote).")
    with transaction.atomic():
        board = ImprovementBoard.objects.select_for_update().get(pk=board.pk)
        require_open(board, "Improvement Board")
        board.status, board.closed_on, board.closing_note = RecordStatus.CLOSED, closed_on, note
        board.save()
        event_record(
            record=board, school=board.school, action="Improvement Board stood down", by=by, detail=note
        )
        record_append(actor=by, event="intervention.closed", subject=board, changes={"closed_on": closed_on})
    return board
