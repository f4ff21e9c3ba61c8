"""Who may do what to intervention records. Views use these for 403s; services check them again."""

from django.core.exceptions import PermissionDenied

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


def may_write_rep(user):
    return access_for(user).has_trust_role(*REP_WRITERS)


def may_approve_funding(user):
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


def may_write_frep(user):
    return access_for(user).has_trust_role(*FREP_WRITERS)


def may_write_notice(user, dimension):
    return access_for(user).has_trust_role(*NOTICE_WRITERS[dimension])


def may_record_action_plan(user, notice):
    """The plan is written jointly by the LSB and the head, so they record it too."""
    access = access_for(user)
    return may_write_notice(user, notice.dimension) or access.has_school_role(
        notice.school_id, *HEAD_ROLES, Role.LSB_CHAIR
    )


def may_write_board(user):
    return access_for(user).has_trust_role(*BOARD_WRITERS)


def may_approve_plan(user):
    return access_for(user).has_trust_role(*PLAN_APPROVERS)


def may_record_report(user, board):
    """Monthly reports come from the school; the CEO/EHT or the school's head records them."""
    access = access_for(user)
    return access.has_trust_role(Role.CEO, Role.EHT) or access.has_school_role(board.school_id, *HEAD_ROLES)


def may_read_hr_plan(user):
    return access_for(user).has_trust_role(*HR_PLAN_READERS)


def may_write_hr_plan(user):
    return access_for(user).has_trust_role(*HR_PLAN_WRITERS)


def may_write_rebrokerage(user):
    return access_for(user).has_trust_role(*REBROKERAGE_WRITERS)


def require(allowed: bool, message: str):
    if not allowed:
        raise PermissionDenied(message)
