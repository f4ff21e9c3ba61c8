from tests.access import Rule, statuses

RULES = [
    # The containers' health checks ask without signing in; it says only "ok" or "unavailable" per part.
    Rule("operations:health", statuses(default=200, anonymous=200)),
]
