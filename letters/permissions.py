"""Who may do what with letters, directives and batches of letters.

One rule per verb, asked by the views (403), the services (a `LetterError` saying who may), the templates
(`{% may "letters.approve" letter as may_approve %}`) and the to-do page. Reading is `visible_to` in
schools/access.py, with drafts for trust-wide roles only (`may_read_drafts`).
"""

from schools.access import access_for
from schools.permissions import refuse_unless
from schools.roles import Role

# The CEO writes, approves and issues every letter, and decides every directive.
LETTER_WRITERS = (Role.CEO,)


def _ceo(user) -> bool:
    return access_for(user).has_trust_role(*LETTER_WRITERS)


def may_read_drafts(user, obj=None) -> bool:
    """Trust-wide roles read letters before they are sent; a school's people only see sent letters."""
    return access_for(user).trust_wide


def may_write(user, letter=None) -> bool:
    """Start, change and correct letters, and set or withdraw their directives."""
    return _ceo(user)


def may_approve(user, letter=None) -> bool:
    """Approve a draft (one or all of a half-term's), or return it to draft."""
    return _ceo(user)


def may_issue(user, letter=None) -> bool:
    """Issue approved letters, and try a stalled batch again."""
    return _ceo(user)


def may_acknowledge(user, letter) -> bool:
    """The school's headteacher (or head of school) acknowledges its letter."""
    return letter.school_id in acknowledging_school_ids(user)


def may_report(user, directive) -> bool:
    """The school's head reports what was done about a directive."""
    return directive.school_id in acknowledging_school_ids(user)


def acknowledging_school_ids(user) -> frozenset:
    """The schools whose letters this person acknowledges and whose directives they report (the to-do
    page asks for their rows in one query)."""
    access = access_for(user)
    return frozenset(pk for pk in access.school_ids if access.is_head_of(pk))


def may_decide(user, directive=None) -> bool:
    """Accept a directive's report (closing it) or return it to the school."""
    return _ceo(user)


CEO_ONLY = "Only the CEO can do this."
HEAD_ONLY = "Only the school's headteacher can do this."


def require_write(user, letter=None) -> None:
    refuse_unless(may_write(user, letter), CEO_ONLY)


def require_approve(user, letter=None) -> None:
    refuse_unless(may_approve(user, letter), CEO_ONLY)


def require_issue(user, letter=None) -> None:
    refuse_unless(may_issue(user, letter), CEO_ONLY)


def require_acknowledge(user, letter) -> None:
    refuse_unless(may_acknowledge(user, letter), HEAD_ONLY)


def require_report(user, directive) -> None:
    refuse_unless(may_report(user, directive), HEAD_ONLY)


def require_decide(user, directive=None) -> None:
    refuse_unless(may_decide(user, directive), CEO_ONLY)
