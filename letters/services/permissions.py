"""Who may do what with letters and directives; the services check these for the person acting."""

from schools.access import access_for
from schools.roles import Role

from ..errors import LetterError


def require_ceo(user, doing: str) -> None:
    if not access_for(user).has_trust_role(Role.CEO):
        raise LetterError(f"Only the CEO can {doing}.")


def require_head_of(user, school, doing: str) -> None:
    if not access_for(user).is_head_of(school.pk):
        raise LetterError(f"Only the headteacher of {school} can {doing}.")
