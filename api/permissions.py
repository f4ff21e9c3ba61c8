"""Who may manage the integration clients (add, rotate a token, revoke): the CEO or the COO.

A client's own requests are not decided here: api/scopes.py fixes the roles its scopes stand for, and
the other apps' rules then decide as they do for a person in that role."""

from schools.access import access_for
from schools.permissions import refuse_unless
from schools.roles import Role

CLIENT_MANAGERS = (Role.CEO, Role.COO)


def may_manage_clients(user, client=None) -> bool:
    return access_for(user).has_trust_role(*CLIENT_MANAGERS)


def require_manage_clients(user, client=None, doing="manage integration clients") -> None:
    refuse_unless(may_manage_clients(user, client), f"Only the CEO or the COO may {doing}.")
