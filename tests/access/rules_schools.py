from tests.access import Rule, statuses

RULES = [
    Rule("home", statuses(default=302)),
    Rule("accounts:login", statuses(default=302, anonymous=200)),
    Rule("accounts:logout", statuses(default=302), method="post"),
    # Trust-wide roles see every school; a head, LSB chair or mentor sees the list of their own.
    Rule("schools:list", statuses(default=200)),
    Rule(
        "schools:detail",
        statuses(default=200, head_b=404),
        kwargs=lambda world: {"urn": world.school_a.urn},
    ),
]
