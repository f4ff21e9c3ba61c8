"""The only code that changes categorisation state: decisions, locks, votes, finance figures."""

from .bulk import DecisionRequest, categorisations_decide_many, half_term_check_started
from .decisions import categorisation_decide, categorisations_lock
from .finance import finance_figures_save
from .votes import panel_for, vote_cast, vote_close, vote_open, vote_step_aside, vote_withdraw

__all__ = [
    "DecisionRequest",
    "categorisations_decide_many",
    "half_term_check_started",
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
