from letters.models import DirectiveStatus
from tests.access import Rule, statuses, trust_wide_only
from tests.letters.factories import approved_letter, batch, directive, draft_letter, half_term, sent_letter


def ceo_only(ok, *, school=403, head_b=None):
    """The CEO acts; other trust roles get 403; school roles get `school` (404 if they cannot see it)."""
    expect = statuses(default=403, ceo=ok)
    expect.update({"head_a": school, "lsb_chair_a": school, "head_b": head_b or school})
    return expect


def sent(world):
    return {"pk": sent_letter(world.school_a, world.ceo).pk}


def draft(world):
    return {"pk": draft_letter(world.school_a, world.ceo).pk}


def approved(world):
    return {"pk": approved_letter(world.school_a, world.ceo).pk}


def sent_directive(world):
    return {"pk": directive(sent_letter(world.school_a, world.ceo), world.ceo).pk}


def reported_directive(world):
    letter = sent_letter(world.school_a, world.ceo)
    return {"pk": directive(letter, world.ceo, status=DirectiveStatus.REPORTED_DONE).pk}


def draft_directive(world):
    return {"pk": directive(draft_letter(world.school_a, world.ceo), world.ceo).pk}


def this_half_term(world):
    return {"half_term_pk": half_term().pk}


RULES = [
    Rule("letters:list", trust_wide_only()),
    Rule("letters:drafts_create", ceo_only(302), kwargs=this_half_term, method="post"),
    Rule("letters:approve_all", ceo_only(302), kwargs=this_half_term, method="post"),
    Rule("letters:issue_all", ceo_only(200), kwargs=this_half_term, note="the confirmation page"),
    Rule(
        "letters:issue_all",
        ceo_only(302),
        kwargs=this_half_term,
        method="post",
        note="without a confirmed count nothing is sent",
    ),
    Rule("letters:batch_detail", trust_wide_only(), kwargs=lambda world: {"pk": batch(world).pk}),
    Rule("letters:batch_progress", trust_wide_only(), kwargs=lambda world: {"pk": batch(world).pk}),
    Rule("letters:batch_retry", ceo_only(302), kwargs=lambda world: {"pk": batch(world).pk}, method="post"),
    Rule(
        "letters:school_letters",
        statuses(default=200, head_b=404),
        kwargs=lambda world: {"urn": world.school_a.urn},
    ),
    Rule("letters:detail", statuses(default=200, head_b=404), kwargs=sent),
    Rule(
        "letters:detail",
        statuses(default=200, head_a=404, lsb_chair_a=404, head_b=404),
        kwargs=draft,
        note="a draft is seen only inside the trust",
    ),
    Rule("letters:pdf", statuses(default=200, head_b=404), kwargs=sent),
    Rule("letters:edit", ceo_only(200, school=404), kwargs=draft),
    Rule("letters:approve", ceo_only(302, school=404), kwargs=draft, method="post"),
    Rule("letters:return_to_draft", ceo_only(302, school=404), kwargs=approved, method="post"),
    Rule("letters:issue", ceo_only(302, school=404), kwargs=approved, method="post"),
    Rule(
        "letters:acknowledge",
        statuses(default=403, head_a=302, head_b=404),
        kwargs=sent,
        method="post",
    ),
    Rule("letters:correct", ceo_only(200, head_b=404), kwargs=sent),
    Rule("letters:directive_add", ceo_only(200, school=404), kwargs=draft),
    Rule("letters:directive_report", statuses(default=403, head_a=200, head_b=404), kwargs=sent_directive),
    Rule("letters:directive_accept", ceo_only(302, head_b=404), kwargs=reported_directive, method="post"),
    Rule("letters:directive_return", ceo_only(200, head_b=404), kwargs=reported_directive),
    Rule("letters:directive_withdraw", ceo_only(302, school=404), kwargs=draft_directive, method="post"),
    Rule("letters:list_export", trust_wide_only()),
    Rule(
        "letters:school_letters_export",
        statuses(default=200, head_b=404),
        kwargs=lambda world: {"urn": world.school_a.urn},
    ),
]
