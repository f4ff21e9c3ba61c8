"""The only code that changes intervention records. Each function checks who is acting and whether the
move is allowed, runs in a transaction, locks what it changes, and writes an InterventionEvent."""

from .board import (
    board_close,
    board_details_update,
    board_form,
    board_member_add,
    board_member_remove,
    board_plan_approve,
    board_report_record,
    hr_support_plan_save,
)
from .frep import frep_close, frep_directive_add, frep_directive_record, frep_open
from .funding import rep_funding_decide, rep_funding_request
from .notice import (
    notice_action_plan_record,
    notice_close,
    notice_correct,
    notice_issue,
    notice_meeting_record,
    notice_target_add,
    notice_target_record,
)
from .progress import target_progress_accept, target_progress_report, target_progress_return
from .rebrokerage import rebrokerage_conversation_record
from .rep import (
    rep_action_add,
    rep_action_progress,
    rep_close,
    rep_details_update,
    rep_extend,
    rep_funding_approve,
    rep_milestone_reschedule,
    rep_open,
    rep_review_record,
)

__all__ = [
    "board_close",
    "board_details_update",
    "board_form",
    "board_member_add",
    "board_member_remove",
    "board_plan_approve",
    "board_report_record",
    "frep_close",
    "frep_directive_add",
    "frep_directive_record",
    "frep_open",
    "hr_support_plan_save",
    "notice_action_plan_record",
    "notice_close",
    "notice_correct",
    "notice_issue",
    "notice_meeting_record",
    "notice_target_add",
    "notice_target_record",
    "rebrokerage_conversation_record",
    "target_progress_accept",
    "target_progress_report",
    "target_progress_return",
    "rep_action_add",
    "rep_action_progress",
    "rep_close",
    "rep_details_update",
    "rep_extend",
    "rep_funding_approve",
    "rep_funding_decide",
    "rep_funding_request",
    "rep_milestone_reschedule",
    "rep_open",
    "rep_review_record",
]
