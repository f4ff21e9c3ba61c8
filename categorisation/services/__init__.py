"""The only code that changes categorisation state: decisions, locks, votes, finance figures."""

from .decisions import categorisation_decide, categorisations_lock
from .finance import finance_figures_save
from .votes import panel_for, vote_cast, vote_close, vote_open, vote_step_aside, vote_withdraw

__all__ = [
    "categorisation_decide",
    "categorisations_lock",
    "finance_figures_save",
    "panel_for",
    "vote_cast",
    "vote_close",
    "vote_open",
    "vote_step_aside",
    "vote_withdraw",
]
