from tests.access import Rule, statuses

# Trust-wide personas are signed in with an authenticator app and have passed it; school personas have none.
RULES = [
    Rule("accounts:mfa_setup", statuses(default=200)),
    # Already passed (trust-wide) -> on to the page they wanted; no app yet (school roles) -> set-up.
    Rule("accounts:mfa_verify", statuses(default=302)),
    Rule("accounts:mfa_recovery", statuses(default=302)),
    # New recovery codes are shown once, straight after they are made; otherwise back to the set-up page.
    Rule("accounts:recovery_codes", statuses(default=302)),
    Rule("accounts:recovery_codes_new", statuses(default=302), method="post"),
    Rule("accounts:access_records", statuses(default=403, ceo=200)),
    Rule("accounts:sessions", statuses(default=403, ceo=200)),
    Rule(
        "accounts:sessions_end",
        statuses(default=403, ceo=302),
        method="post",
        data=lambda world: {"person": world.head_b.pk, "reason": "Left the trust"},
    ),
]
