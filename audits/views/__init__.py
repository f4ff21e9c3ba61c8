from .action import (
    action_close,
    action_detail,
    action_reopen,
    action_report_done,
    action_report_not_actioned,
    evidence_download,
)
from .imports import import_actions, import_template
from .lists import (
    actions,
    actions_export,
    grid,
    schedule,
    schedule_export,
    school_actions,
    school_actions_export,
)
from .records import action_create, audit_create, audit_detail, report_download

__all__ = [
    "action_close",
    "action_create",
    "action_detail",
    "action_reopen",
    "action_report_done",
    "action_report_not_actioned",
    "actions",
    "actions_export",
    "audit_create",
    "audit_detail",
    "evidence_download",
    "grid",
    "import_actions",
    "import_template",
    "report_download",
    "schedule",
    "schedule_export",
    "school_actions",
    "school_actions_export",
]
