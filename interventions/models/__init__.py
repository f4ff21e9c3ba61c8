from .board import MIN_BOARD_MEMBERS, BoardMember, HrSupportPlan, ImprovementBoard, MonthlyReport
from .common import RECORD_MOVES, Dimension, InterventionEvent, Outcome, RecordStatus
from .frep import FREP_OUTCOMES, TARGET_MOVES, Frep, FrepDirective, TargetStatus
from .notice import NOTICE_OUTCOMES, NoticeTarget, WarningNotice
from .rebrokerage import Counterpart, RebrokerageConversation
from .rep import (
    ACTION_MOVES,
    MILESTONE_WEEKS,
    REP_OUTCOMES,
    ActionStatus,
    Milestone,
    Rep,
    RepAction,
    RepExtension,
    RepMilestone,
    RepReview,
    milestone_due_on,
)

__all__ = [
    "ACTION_MOVES",
    "FREP_OUTCOMES",
    "MILESTONE_WEEKS",
    "MIN_BOARD_MEMBERS",
    "NOTICE_OUTCOMES",
    "RECORD_MOVES",
    "REP_OUTCOMES",
    "TARGET_MOVES",
    "ActionStatus",
    "BoardMember",
    "Counterpart",
    "Dimension",
    "Frep",
    "FrepDirective",
    "HrSupportPlan",
    "ImprovementBoard",
    "InterventionEvent",
    "Milestone",
    "MonthlyReport",
    "NoticeTarget",
    "Outcome",
    "RebrokerageConversation",
    "RecordStatus",
    "Rep",
    "RepAction",
    "RepExtension",
    "RepMilestone",
    "RepReview",
    "TargetStatus",
    "WarningNotice",
    "milestone_due_on",
]
