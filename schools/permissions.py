"""Who may do what to the trust's settings and schools' figures, and how any app's rule is found by name.

Every app with actions keeps its rules in `<app>/permissions.py`: `may_<verb>(user, obj=None)` answers
yes or no from `access_for(user)`, and `require_<verb>(user, obj=None)` raises `PermissionDenied` (or
`Http404` where the object must look absent). Views, services, templates (`{% may "app.verb" obj %}`)
and the to-do selectors all ask the same function, so each rule is written once.
"""

from importlib import import_module

from django.core.exceptions import PermissionDenied

from .access import access_for
from .roles import Role

# The CEO owns the letterhead every CEO letter prints.
LETTERHEAD_EDITORS = (Role.CEO,)
# The central team keeps the trust's census figures: the COO runs operations, the CFO imports them with
# the finance figures, the CEO runs the trust.
PUPIL_NUMBER_EDITORS = (Role.CEO, Role.COO, Role.CFO)


def rule(name: str):
    """`"letters.approve"` -> `letters.permissions.may_approve`."""
    app, _, verb = name.partition(".")
    module = import_module(f"{app}.permissions")
    found = getattr(module, f"may_{verb}", None)
    if found is None:
        raise LookupError(f"{app}/permissions.py has no may_{verb}.")
    return found


def refuse_unless(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def may_change_letterhead(user, trust=None) -> bool:
    return access_for(user).has_trust_role(*LETTERHEAD_EDITORS)


def require_change_letterhead(user, trust=None) -> None:
    refuse_unless(may_change_letterhead(user, trust), "Only the CEO can change the trust's letterhead.")


def may_record_pupil_numbers(user, school=None) -> bool:
    return access_for(user).has_trust_role(*PUPIL_NUMBER_EDITORS)


def require_record_pupil_numbers(user, school=None) -> None:
    refuse_unless(
        may_record_pupil_numbers(user, school), "Only the CEO, the COO or the CFO may record pupil numbers."
    )


def may_head(user, school) -> bool:
    """The school's headteacher or head of school."""
    return access_for(user).is_head_of(school.pk)
