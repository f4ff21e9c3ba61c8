from tests.access import Rule, statuses

RULES = [
    # Everyone with a role has a to-do page; it lists only what they may see (tests/todo).
    Rule("todo:list", statuses(default=200)),
]
