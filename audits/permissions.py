"""Who may do what with audits and their actions.

The compliance manager records audits and actions, imports them, and closes or reopens an action after
checking the school's report; the school's head reports on its actions. Other trust-wide roles read only.
Views, services, templates (`{% may "audits.close" action as may_close %}`) and the to-do page ask
these; whether the action's status allows the move is the status table's business (ALLOWED_MOVES).
"""

from schools.access import access_for
from schools.permissions import refuse_unless
from schools.roles import Role

COMPLIANCE_MANAGERS = (Role.COMPLIANCE_MANAGER,)


def _compliance_manager(user) -> bool:
    return access_for(user).has_trust_role(*COMPLIANCE_MANAGERS)


def may_record(user, audit=None) -> bool:
    """Record an audit, or an action an audit left the school."""
    return _compliance_manager(user)


def may_import(user, obj=None) -> bool:
    return _compliance_manager(user)


def may_close(user, action=None) -> bool:
    return _compliance_manager(user)


def may_reopen(user, action=None) -> bool:
    return _compliance_manager(user)


def may_report(user, action) -> bool:
    """The head of the action's school reports it done or not actioned."""
    return action.audit.school_id in reporting_school_ids(user)


def reporting_school_ids(user) -> frozenset:
    """The schools whose audit actions this person reports on (the to-do page reads them in one query)."""
    access = access_for(user)
    return frozenset(pk for pk in access.school_ids if access.is_head_of(pk))


def require_record(user, audit=None, doing="record audits") -> None:
    refuse_unless(may_record(user, audit), f"Only the compliance manager may {doing}.")


def require_import(user, obj=None) -> None:
    refuse_unless(may_import(user, obj), "Only the compliance manager may import audit actions.")


def require_close(user, action=None) -> None:
    refuse_unless(may_close(user, action), "Only the compliance manager may close audit actions.")


def require_reopen(user, action=None) -> None:
    refuse_unless(may_reopen(user, action), "Only the compliance manager may reopen audit actions.")


def require_report(user, action) -> None:
    refuse_unless(
        may_report(user, action),
        "Only the school's headteacher or head of school may report on the school's audit actions.",
    )
