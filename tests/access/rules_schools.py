from tests.access import Rule, statuses

RULES = [
    Rule("home", statuses(default=302)),
    Rule("accounts:login", statuses(default=302, anonymous=200)),
    Rule("accounts:logout", statuses(default=302), method="post"),
    # Trust-wide roles see every school; a head, LSB chair or mentor sees the list of their own.
    Rule("schools:list", statuses(default=200)),
    Rule(
        "schools:trust_settings",
        statuses(default=403, ceo=200, head_a=403, lsb_chair_a=403, head_b=403),
        note="the letterhead logo: the CEO only",
    ),
    Rule(
        "schools:trust_settings",
        statuses(default=403, ceo=302),
        method="post",
        data=lambda world: {"remove": "1"},
        note="the letterhead logo: the CEO only",
    ),
    Rule(
        "schools:detail",
        statuses(default=200, head_b=404),
        kwargs=lambda world: {"urn": world.school_a.urn},
    ),
]
