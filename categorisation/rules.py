"""Who may move a school, and where: the route a move needs and who may take it.

The allowed moves themselves are data (`AllowedMove`, loaded with the ladder). This module reads them and
says, in a sentence, why a move is refused and what route it needs.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from schools.roles import HEAD_ROLES, Role

from .models import AllowedMove, Categorisation, Dimension, Level, Route
from .permissions import may_take_route

VOTE_ROUTES = frozenset({Route.PANEL_VOTE, Route.BOARD_VOTE})

# The seats on a panel vote, by dimension: trust roles and the school's own roles. "HT/EHT" is the
# school's head and the trust's executive headteacher.
PANEL_TRUST_ROLES = {
    Dimension.EDUCATION: (Role.CEO, Role.EHT, Role.ES_CHAIR),
    Dimension.FINANCE: (Role.CFO, Role.EHT, Role.FR_CHAIR),
    Dimension.SITE: (Role.CEO, Role.EHT, Role.ES_CHAIR),
}
PANEL_SCHOOL_ROLES = {
    Dimension.EDUCATION: (*HEAD_ROLES, Role.LSB_CHAIR, Role.MENTOR),
    Dimension.FINANCE: (*HEAD_ROLES, Role.LSB_CHAIR),
    Dimension.SITE: (*HEAD_ROLES, Role.LSB_CHAIR, Role.MENTOR),
}
PANEL_DESCRIPTION = {
    Dimension.EDUCATION: "the CEO, the LSB chair, the HT/EHT, the mentor and the E&S chair",
    Dimension.FINANCE: "the HT/EHT, the CFO, the LSB chair and the F&R representative",
    Dimension.SITE: "the CEO, the LSB chair, the HT/EHT, the mentor and the E&S chair",
}
BOARD_TRUST_ROLES = (Role.TRUSTEE, Role.ES_CHAIR, Role.FR_CHAIR)
BOARD_DESCRIPTION = "the full Trust Board (trustees and committee chairs)"


def route_description(route, dimension) -> str:
    if route == Route.PANEL_VOTE:
        return f"a vote by {PANEL_DESCRIPTION[dimension]}"
    if route == Route.BOARD_VOTE:
        return f"a vote by {BOARD_DESCRIPTION}"
    return Route(route).label[0].lower() + Route(route).label[1:]


def stay_route(dimension) -> Route:
    """Staying at a level is confirmed each half-term by the CEO (or, in finance, the CFO)."""
    return Route.CEO_OR_CFO if dimension == Dimension.FINANCE else Route.CEO


@dataclass(frozen=True)
class Move:
    from_level: Level | None  # None: the school's first placement in this dimension
    to_level: Level
    route: Route

    @property
    def is_first_placement(self):
        return self.from_level is None

    @property
    def is_stay(self):
        return self.from_level is not None and self.from_level.pk == self.to_level.pk


def level_before(*, school, half_term, dimension) -> Level | None:
    """The level the school stood at before this half-term (its latest earlier decision), if any."""
    record = (
        Categorisation.objects.current()
        .filter(school=school, dimension=dimension, half_term__starts_on__lt=half_term.starts_on)
        .select_related("level__ladder")
        .order_by("-half_term__starts_on")
        .first()
    )
    if record is None or not record.level.ladder.is_active:
        # A school on another trust model's ladder starts afresh on this one.
        return None
    return record.level


def move_for(*, school, from_level: Level | None, to_level: Level, allowed=None) -> Move:
    """The route a move needs, or a refusal that says why and where the school may go instead.

    `allowed`: the AllowedMoves out of `from_level` (with `to_level`), when the caller has read them."""
    dimension = Dimension(to_level.dimension)
    if from_level is None:
        return Move(None, to_level, Route.CEO)
    if from_level.pk == to_level.pk:
        return Move(from_level, to_level, stay_route(dimension))
    if allowed is None:
        allowed = AllowedMove.objects.filter(from_level=from_level).select_related("to_level")
    for move in allowed:
        if move.to_level_id == to_level.pk:
            return Move(from_level, to_level, Route(move.route))
    options = "; ".join(
        f"{m.to_level.name} ({route_description(m.route, dimension)})"
        for m in sorted(allowed, key=lambda m: m.to_level.position)
    )
    where = (
        f"From {from_level.name} it can move to: {options}."
        if options
        else f"{from_level.name} has no move out."
    )
    raise ValidationError(
        f"{school} cannot move from {from_level.name} to {to_level.name} in {area(dimension)}: "
        f"the trust's rules do not allow that move. {where}",
        code="move_not_allowed",
    )


def check_decider(*, school, move: Move, by, vote=None) -> None:
    """Refuse unless `by` may take this move directly, or it is the outcome of the right vote."""
    dimension = Dimension(move.to_level.dimension)
    what = _describe(school, move, dimension)
    if move.route in VOTE_ROUTES:
        if vote is None:
            raise ValidationError(
                f"{what} needs {route_description(move.route, dimension)}: open a vote on the school's page.",
                code="vote_needed",
            )
        return
    if vote is None and not may_take_route(by, move.route):
        raise ValidationError(
            f"You cannot make this decision: {what[0].lower()}{what[1:]} is "
            f"{route_description(move.route, dimension)}.",
            code="not_the_decider",
        )


def area(dimension) -> str:
    """A dimension as it reads mid-sentence: "education", "finance", "Site & H&S"."""
    return "Site & H&S" if dimension == Dimension.SITE else Dimension(dimension).label.lower()


def _describe(school, move: Move, dimension) -> str:
    if move.is_first_placement:
        return f"Placing {school} at {move.to_level.name} in {area(dimension)}"
    if move.is_stay:
        return f"Keeping {school} at {move.to_level.name} in {area(dimension)}"
    return f"Moving {school} from {move.from_level.name} to {move.to_level.name} in {area(dimension)}"
