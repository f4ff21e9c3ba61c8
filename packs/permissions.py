"""Who may do what with packs: the CEO and the governance professional make them; each kind is read by
the people READERS names (packs/models.py) and by its makers."""

from django.core.exceptions import PermissionDenied

from schools.access import access_for

from .models import MAKERS, kinds_readable_by


def may_make_pack(user) -> bool:
    return access_for(user).has_trust_role(*MAKERS)


def may_read_packs(user) -> bool:
    return bool(kinds_readable_by(user))


def require_make_pack(user) -> None:
    if not may_make_pack(user):
        raise PermissionDenied("Only the CEO or the governance professional can make a pack.")
