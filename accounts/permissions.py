"""Who may manage people and oversee access: the CEO or the COO appoints people and ends appointments;
the CEO reads the record of access and ends sessions. Views, services and the nav ask these rules."""

from schools.access import access_for
from schools.permissions import refuse_unless
from schools.roles import Role

# Who may appoint people and end appointments from the portal's people pages.
PEOPLE_MANAGERS = (Role.CEO, Role.COO)
# Who reads the record of access and ends other people's sessions.
OVERSEERS = (Role.CEO,)


def may_manage_people(user, obj=None) -> bool:
    return access_for(user).has_trust_role(*PEOPLE_MANAGERS)


def require_manage_people(user, obj=None) -> None:
    refuse_unless(
        may_manage_people(user, obj), "Only the CEO or the COO appoints people and ends appointments here."
    )


def may_oversee_access(user, obj=None) -> bool:
    """Read the record of access, see every session and end them."""
    return access_for(user).has_trust_role(*OVERSEERS)
