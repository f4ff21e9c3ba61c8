from .ladder import AllowedMove, Characteristic, Colour, Dimension, Ladder, Level, Record, Route
from .records import Categorisation, FinanceFigures
from .votes import VOTE_STATUS_MOVES, Choice, Vote, VoteMember, VoteStatus

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
    "Record",
    "Route",
    "Vote",
    "VoteMember",
    "VoteStatus",
]
