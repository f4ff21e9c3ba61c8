"""The access matrix: every URL the portal serves, and what each persona gets from it.

Each app keeps its rules in `tests/access/rules_<app>.py` as a list `RULES` of `Rule`s. The matrix test
fails when a URL has no rule, so a new page cannot ship without saying who may use it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.personas import PERSONAS


@dataclass
class Rule:
    name: str  # the URL name, e.g. "schools:detail"
    expect: dict  # persona -> status code
    kwargs: Callable = lambda world: {}  # world -> URL kwargs; may create the rows the URL needs
    method: str = "get"
    data: Callable = lambda world: {}  # world -> POST data
    note: str = field(default="")

    def __post_init__(self):
        missing = set(PERSONAS) - set(self.expect)
        if missing:
            raise ValueError(f"Rule for {self.name} does not say what {sorted(missing)} get.")


def statuses(*, default, **overrides):
    """Expected statuses for every persona: anonymous people are sent to sign in unless overridden."""
    expect = {persona: default for persona in PERSONAS}
    expect["anonymous"] = 302
    expect.update(overrides)
    return expect


def school_a_only(ok=200):
    """A page about school A: trust-wide roles and school A's people may see it, school B's head gets 404."""
    return statuses(default=ok, head_b=404)


def trust_wide_only(ok=200):
    """A trust-wide page: school roles get 403."""
    return statuses(default=ok, head_a=403, lsb_chair_a=403, head_b=403)
