"""Who may do what to intervention records: one `may_<verb>` rule each, and the `require_<verb>` the views
use for their 403 (404 for the HR support plan, which must look absent). Services check the same rules
again with `require(may_..., why)`; templates ask them with `{% may "interventions.write_rep" %}`."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from categorisation.models import Dimension
from schools.access import access_for
from schools.roles import HEAD_ROLES, Role

REP_WRITERS = (Role.CEO, Role.EHT)
FREP_WRITERS = (Role.CEO, Role.CFO)
NOTICE_WRITERS = {Dimension.EDUCATION: (Role.CEO, Role.EHT), Dimension.FINANCE: (Role.CEO, Role.CFO)}
BOARD_WRITERS = (Role.CEO,)
PLAN_APPROVERS = (Role.CEO, Role.ES_CHAIR)
HR_PLAN_READERS = (Role.CEO, Role.CFO, Role.COO)
HR_PLAN_WRITERS = (Role.CEO,)
REBROKERAGE_WRITERS = (Role.CEO,)


def may_write_rep(user, rep=None):
    return access_for(user).has_trust_role(*REP_WRITERS)


def may_approve_funding(user, rep=None):
    return access_for(user).has_trust_role(Role.CEO)


def may_request_funding(user, rep):
    """The REP's writers (the CEO/EHT) or the school's head ask for extra funding from its reserves."""
    access = access_for(user)
    return access.has_trust_role(*REP_WRITERS) or access.has_school_role(rep.school_id, *HEAD_ROLES)


def may_review_rep(user, school_id):
    """The CEO/EHT and the school's head (and mentor) review each milestone."""
    access = access_for(user)
    return access.has_trust_role(*REP_WRITERS) or access.has_school_role(school_id, *HEAD_ROLES, Role.MENTOR)


def may_update_action(user, action):
    """The CEO/EHT, or the person who owns the action (a head or LSB chair of the school)."""
    return may_write_rep(user) or action.owner_id == user.pk


def may_write_frep(user, frep=None):
    return access_for(user).has_trust_role(*FREP_WRITERS)


def may_write_notice(user, dimension):
    return access_for(user).has_trust_role(*NOTICE_WRITERS[dimension])


def may_issue_notice(user, dimension):
    """Of the notice's writers, a finance notice is issued by the CFO (the CEO asks the CFO to)."""
    return may_write_notice(user, dimension) and (
        dimension != Dimension.FINANCE or access_for(user).has_trust_role(Role.CFO)
    )


def may_report(user, record):
    """The school's head reports progress on a FREP's directives or a notice's targets."""
    return access_for(user).has_school_role(record.school_id, *HEAD_ROLES)


def _record_of(item):
    """The FREP or notice a directive or target belongs to, and whether `user` may check its reports."""
    from .models import FrepDirective

    if isinstance(item, FrepDirective):
        return item.frep, may_write_frep
    return item.notice, lambda user: may_write_notice(user, item.notice.dimension)


def may_report_progress(user, item) -> bool:
    return may_report(user, _record_of(item)[0])


def may_check_progress(user, item) -> bool:
    return _record_of(item)[1](user)


def may_record_action_plan(user, notice):
    """The plan is written jointly by the LSB and the head, so they record it too."""
    access = access_for(user)
    return may_write_notice(user, notice.dimension) or access.has_school_role(
        notice.school_id, *HEAD_ROLES, Role.LSB_CHAIR
    )


def may_write_board(user, board=None):
    return access_for(user).has_trust_role(*BOARD_WRITERS)


def may_approve_plan(user, board=None):
    return access_for(user).has_trust_role(*PLAN_APPROVERS)


def may_record_report(user, board):
    """Monthly reports come from the school; the CEO/EHT or the school's head records them."""
    access = access_for(user)
    return access.has_trust_role(Role.CEO, Role.EHT) or access.has_school_role(board.school_id, *HEAD_ROLES)


def may_read_hr_plan(user, board=None):
    return access_for(user).has_trust_role(*HR_PLAN_READERS)


def may_write_hr_plan(user, board=None):
    """Only while the board (if one is named) is still open."""
    return access_for(user).has_trust_role(*HR_PLAN_WRITERS) and (board is None or board.is_open)


def may_write_rebrokerage(user, school=None):
    return access_for(user).has_trust_role(*REBROKERAGE_WRITERS)


def require(allowed: bool, message: str):
    if not allowed:
        raise PermissionDenied(message)


def require_write_rep(user, rep=None):
    require(may_write_rep(user, rep), "Only the CEO or the EHT writes or changes a REP.")


def require_approve_funding(user, rep=None):
    require(may_approve_funding(user, rep), "Only the CEO approves extra funding.")


def require_review_rep(user, school_id):
    require(
        may_review_rep(user, school_id), "Reviews are recorded by the CEO, the EHT, the head or the mentor."
    )


def require_update_action(user, action):
    require(may_update_action(user, action), "Only the action's owner, the CEO or the EHT updates it.")


def require_write_frep(user, frep=None):
    require(may_write_frep(user, frep), "Only the CEO or the CFO writes or changes a Finance REP.")


def require_write_notice(user, dimension):
    require(may_write_notice(user, dimension), "You can see this warning notice but not change it.")


def require_record_action_plan(user, notice):
    require(
        may_record_action_plan(user, notice),
        "The notice's writers, or the school's head or LSB chair, record its action plan.",
    )


def require_report_progress(user, item):
    require(may_report_progress(user, item), "Only the school's head reports progress on this.")


def require_check_progress(user, item):
    require(may_check_progress(user, item), "You cannot check reports on this.")


def require_write_board(user, board=None):
    require(may_write_board(user, board), "Only the CEO records or changes an Improvement Board.")


def require_approve_plan(user, board=None):
    require(may_approve_plan(user, board), "The CEO or the E&S Committee chair records the approval.")


def require_record_report(user, board):
    require(may_record_report(user, board), "The CEO, the EHT or the head records reports.")


def require_read_hr_plan(user, board=None):
    """The HR support plan is restricted: to everyone else it does not exist."""
    if not may_read_hr_plan(user, board):
        raise Http404("No such page.")


def require_write_hr_plan(user, board=None):
    require(may_write_hr_plan(user, board), "Only the CEO writes the HR support plan.")


def require_write_rebrokerage(user, school=None):
    require(may_write_rebrokerage(user, school), "Only the CEO records these conversations.")
