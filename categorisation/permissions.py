"""Who may do what in categorisation: decide a school's categories, enter finance figures, chair votes.

One rule per verb, asked by the views (403), the services, the templates
(`{% may "categorisation.open_vote" as may_open_vote %}`) and the to-do page. Which moves need a vote,
and who sits on a panel, are the ladder's rules (categorisation/rules.py), not a person's permission.
"""

from schools.access import access_for
from schools.permissions import refuse_unless
from schools.roles import Role

from .models import Dimension, Route

# Who decides on each route when no vote is needed.
DECIDERS = {
    Route.CEO: frozenset({Role.CEO}),
    Route.CEO_OR_CFO: frozenset({Role.CEO, Role.CFO}),
}
# The CEO decides every dimension on the half-term screen; the CFO decides finance.
DIMENSION_DECIDERS = {
    Dimension.EDUCATION: (Role.CEO,),
    Dimension.FINANCE: (Role.CEO, Role.CFO),
    Dimension.SITE: (Role.CEO,),
}
FINANCE_EDITORS = (Role.CEO, Role.CFO)
# Who may open and close a vote: the CEO chairs; the CFO may too for finance.
VOTE_CHAIRS = {
    Dimension.EDUCATION: (Role.CEO,),
    Dimension.FINANCE: (Role.CEO, Role.CFO),
    Dimension.SITE: (Role.CEO,),
}


def may_decide(user, dimension=None) -> bool:
    """Decide categories on the half-term screen: in this dimension, or (none named) in any."""
    access = access_for(user)
    dimensions = DIMENSION_DECIDERS if dimension is None else [Dimension(dimension)]
    return any(access.has_trust_role(*DIMENSION_DECIDERS[d]) for d in dimensions)


def may_decide_all(user, obj=None) -> bool:
    """Decide every dimension (the CEO's whole half-term)."""
    return all(may_decide(user, dimension) for dimension in Dimension)


def decided_dimensions(user) -> set:
    return {dimension for dimension in Dimension if may_decide(user, dimension)}


def may_take_route(user, route) -> bool:
    """Take a move directly (no vote) on this route."""
    return access_for(user).has_trust_role(*DECIDERS.get(route, ()))


def may_enter_finance(user, school=None) -> bool:
    return access_for(user).has_trust_role(*FINANCE_EDITORS)


def require_enter_finance(user, school=None) -> None:
    refuse_unless(may_enter_finance(user, school), "Only the CEO or the CFO can enter finance figures.")


def may_chair(user, dimension=None) -> bool:
    """Chair a vote in this dimension (or, none named, in any): open, close and withdraw it."""
    access = access_for(user)
    dimensions = VOTE_CHAIRS if dimension is None else [Dimension(dimension)]
    return any(access.has_trust_role(*VOTE_CHAIRS[d]) for d in dimensions)


def may_open_vote(user, dimension=None) -> bool:
    return may_chair(user, dimension)


def may_close_vote(user, vote) -> bool:
    return may_chair(user, vote.dimension)


def may_withdraw_vote(user, vote) -> bool:
    return may_chair(user, vote.dimension)


def chaired_dimensions(user) -> list:
    return [dimension for dimension in VOTE_CHAIRS if may_chair(user, dimension)]


def require_open_vote(user, dimension=None) -> None:
    refuse_unless(may_open_vote(user, dimension), "Only the CEO (or, for finance, the CFO) opens a vote.")


def require_withdraw_vote(user, vote) -> None:
    refuse_unless(may_withdraw_vote(user, vote), "Only the vote's chair withdraws it.")
