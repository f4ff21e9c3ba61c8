"""What the data the portal holds suggests about each school's characteristics: a suggestion beside a
decision, never the decision.

Apps register providers in their `AppConfig.ready()`. A provider is
`def provider(*, school_ids, half_term) -> Iterable[Evidence]` and runs a fixed number of queries however
many schools it is asked about.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    school_id: int
    dimension: str
    code: str  # a characteristic code, e.g. "fin.reserves_below_floor"
    holds: bool  # True: the data suggests the characteristic applies; False: the data says it does not
    text: str  # what the data says, e.g. "Reserves 2.1% of GAG (floor 3%)"


Provider = Callable[..., Iterable[Evidence]]

_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Add a provider (usable as a decorator). Registering the same function twice adds it once."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def evidence_for(*, school_ids, half_term) -> dict[int, list[Evidence]]:
    """{school_id: [Evidence]} from every registered provider, for the schools asked about."""
    school_ids = list(school_ids)
    found: dict[int, list[Evidence]] = {school_id: [] for school_id in school_ids}
    for provider in _providers:
        for item in provider(school_ids=school_ids, half_term=half_term):
            found.setdefault(item.school_id, []).append(item)
    return found
