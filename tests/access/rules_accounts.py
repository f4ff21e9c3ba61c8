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


def _invited_person(world):
    from accounts.models import User

    person, _ = User.objects.get_or_create(email="new.head@trust.example")
    person.set_unusable_password()
    person.save()
    return {"pk": person.pk}


def _head_b_appointment(world):
    return {"pk": world.head_b.appointments.get().pk}


RULES += [
    # Off unless the Microsoft variables are set: the pages do not exist.
    Rule("accounts:microsoft_sign_in", statuses(default=404, anonymous=404)),
    Rule("accounts:microsoft_callback", statuses(default=404, anonymous=404)),
    # Forgotten password: for anyone, signed in or not.
    Rule("accounts:password_reset", statuses(default=200, anonymous=200)),
    Rule("accounts:password_reset_done", statuses(default=200, anonymous=200)),
    # A made-up link: the "this link cannot be used" page, for anyone.
    Rule(
        "accounts:password_reset_confirm",
        statuses(default=200, anonymous=200),
        kwargs=lambda world: {"uidb64": "MQ", "token": "made-up-token"},
    ),
    Rule("accounts:password_change", statuses(default=200)),
    # An unknown invitation link, or the set-password page without having opened a link: 410 Gone.
    Rule(
        "accounts:invitation", statuses(default=410, anonymous=410), kwargs=lambda world: {"token": "x" * 43}
    ),
    Rule("accounts:invitation_accept", statuses(default=410, anonymous=410)),
    # People pages: the CEO and the COO only (no COO persona; tests/accounts/test_people.py covers the COO).
    Rule("accounts:people", statuses(default=403, ceo=200)),
    Rule("accounts:person_appoint", statuses(default=403, ceo=200)),
    Rule("accounts:appointment_end", statuses(default=403, ceo=200), kwargs=_head_b_appointment),
    Rule(
        "accounts:appointment_end",
        statuses(default=403, ceo=302),
        method="post",
        kwargs=_head_b_appointment,
        data=lambda world: {"reason": "Left the trust"},
    ),
    Rule("accounts:invitation_resend", statuses(default=403, ceo=302), method="post", kwargs=_invited_person),
    Rule("accounts:invitation_revoke", statuses(default=403, ceo=302), method="post", kwargs=_invited_person),
]
