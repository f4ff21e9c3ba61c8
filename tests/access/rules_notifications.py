from tests.access import Rule, statuses

RULES = [
    # Everyone signed in chooses how they hear of hand-offs, for themselves only (tests/notifications).
    Rule("notifications:email_preference", statuses(default=200)),
    Rule(
        "notifications:email_preference",
        statuses(default=302),
        method="post",
        data=lambda world: {"how": "daily"},
        note="saves the person's own choice and comes back to the page",
    ),
]
