from .board import MIN_BOARD_MEMBERS, BoardMember, HrSupportPlan, ImprovementBoard, MonthlyReport
from .common import RECORD_MOVES, InterventionEvent, RecordStatus
from .frep import TARGET_MOVES, Frep, FrepDirective, TargetStatus
from .funding import FUNDING_REQUEST_MOVES, FundingRequestStatus, RepFundingRequest
from .notice import NoticeTarget, WarningNotice
from .notice_records import NoticeEmail, NoticePdf
from .rebrokerage import Counterpart, RebrokerageConversation
from .rep import (
    ACTION_MOVES,
    MILESTONE_WEEKS,
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
    "FUNDING_REQUEST_MOVES",
    "MILESTONE_WEEKS",
    "MIN_BOARD_MEMBERS",
    "RECORD_MOVES",
    "TARGET_MOVES",
    "ActionStatus",
    "BoardMember",
    "Counterpart",
    "Frep",
    "FrepDirective",
    "FundingRequestStatus",
    "HrSupportPlan",
    "ImprovementBoard",
    "InterventionEvent",
    "Milestone",
    "MonthlyReport",
    "NoticeEmail",
    "NoticePdf",
    "NoticeTarget",
    "RebrokerageConversation",
    "RecordStatus",
    "Rep",
    "RepAction",
    "RepExtension",
    "RepFundingRequest",
    "RepMilestone",
    "RepReview",
    "TargetStatus",
    "WarningNotice",
    "milestone_due_on",
]
