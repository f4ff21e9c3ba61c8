from .ladder import AllowedMove, Characteristic, Colour, Dimension, Ladder, Level, Record, Route
from .records import Categorisation, FinanceFigures
from .votes import (
    VOTE_STATUS_MOVES,
    Choice,
    MessageStatus,
    Vote,
    VoteEvent,
    VoteMember,
    VoteMessage,
    VotePolicy,
    VoteStatus,
)

__all__ = [
    "VOTE_STATUS_MOVES",
    "AllowedMove",
    "Categorisation",
    "Characteristic",
    "Choice",
    "Colour",
    "Dimension",
    "FinanceFigures",
    "Ladder",
    "Level",
    "MessageStatus",
    "Record",
    "Route",
    "Vote",
    "VoteEvent",
    "VoteMember",
    "VoteMessage",
    "VotePolicy",
    "VoteStatus",
]
