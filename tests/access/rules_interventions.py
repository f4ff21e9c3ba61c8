"""Who may use each interventions page. School A's records are made through the services (scenario)."""

from tests.access import Rule, school_a_only, statuses, trust_wide_only
from tests.interventions import scenario


def only(*allowed, school_b=404, others=403):
    """School A's page for the named personas (200); others 403; school B's head 404; anonymous to sign in."""
    expect = statuses(default=others, head_b=school_b)
    expect.update({persona: 200 for persona in allowed})
    return expect


def urn(world):
    return {"urn": world.school_a.urn}


def pk(make):
    return lambda world: {"pk": make(world).pk}


RULES = [
    Rule("interventions:dashboard", trust_wide_only()),
    Rule("interventions:school", school_a_only(), kwargs=urn),
    # REP: the CEO/EHT write it; the head (and mentor) review; the owner updates their action.
    Rule("interventions:rep_create", only("ceo"), kwargs=urn),
    Rule("interventions:rep_detail", school_a_only(), kwargs=pk(scenario.rep)),
    Rule("interventions:rep_edit", only("ceo"), kwargs=pk(scenario.rep)),
    Rule("interventions:rep_funding", only("ceo"), kwargs=pk(scenario.rep)),
    # The head (or the CEO/EHT) asks for extra funding from reserves; the CEO decides.
    Rule("interventions:rep_funding_request", only("ceo", "head_a"), kwargs=pk(scenario.rep)),
    Rule("interventions:funding_request_decide", only("ceo"), kwargs=pk(scenario.funding_request)),
    Rule("interventions:rep_extend", only("ceo"), kwargs=pk(scenario.rep)),
    Rule("interventions:rep_close", only("ceo"), kwargs=pk(scenario.rep)),
    Rule("interventions:milestone_edit", only("ceo"), kwargs=pk(scenario.milestone)),
    Rule("interventions:action_add", only("ceo"), kwargs=pk(scenario.milestone)),
    Rule("interventions:review_add", only("ceo", "head_a"), kwargs=pk(scenario.milestone)),
    Rule("interventions:action_progress", only("ceo", "head_a"), kwargs=pk(scenario.rep_action)),
    # FREP: the CEO and CFO.
    Rule("interventions:frep_create", only("ceo", "cfo"), kwargs=urn),
    Rule("interventions:frep_detail", school_a_only(), kwargs=pk(scenario.frep)),
    Rule("interventions:frep_directive_add", only("ceo", "cfo"), kwargs=pk(scenario.frep)),
    Rule("interventions:frep_close", only("ceo", "cfo"), kwargs=pk(scenario.frep)),
    Rule("interventions:frep_directive_record", only("ceo", "cfo"), kwargs=pk(scenario.frep_directive)),
    # Warning notices (education here: the CEO/EHT); the head and LSB chair record the joint action plan.
    Rule(
        "interventions:notice_create",
        only("ceo"),
        kwargs=lambda world: {"urn": world.school_a.urn, "dimension": "education"},
    ),
    Rule("interventions:notice_detail", school_a_only(), kwargs=pk(scenario.notice)),
    Rule("interventions:notice_document", school_a_only(), kwargs=pk(scenario.notice)),
    Rule("interventions:notice_pdf", school_a_only(), kwargs=pk(scenario.notice)),
    Rule("interventions:notice_correct", only("ceo"), kwargs=pk(scenario.notice)),
    Rule("interventions:notice_target_add", only("ceo"), kwargs=pk(scenario.notice)),
    Rule("interventions:notice_meeting", only("ceo"), kwargs=pk(scenario.notice)),
    Rule("interventions:notice_close", only("ceo"), kwargs=pk(scenario.notice)),
    Rule(
        "interventions:notice_action_plan", only("ceo", "head_a", "lsb_chair_a"), kwargs=pk(scenario.notice)
    ),
    Rule("interventions:notice_target_record", only("ceo"), kwargs=pk(scenario.notice_target)),
    # The head reports progress on a notice target or FREP directive; the trust checks the report.
    Rule("interventions:notice_target_report", only("head_a"), kwargs=pk(scenario.notice_target)),
    Rule("interventions:notice_target_check", only("ceo"), kwargs=pk(scenario.notice_target)),
    Rule("interventions:frep_directive_report", only("head_a"), kwargs=pk(scenario.frep_directive)),
    Rule("interventions:frep_directive_check", only("ceo", "cfo"), kwargs=pk(scenario.frep_directive)),
    # Improvement Board: the CEO records it; the head records monthly reports.
    Rule(
        "interventions:board_create",
        only("ceo"),
        kwargs=lambda world: {"urn": world.school_a.urn, "dimension": "education"},
    ),
    Rule("interventions:board_detail", school_a_only(), kwargs=pk(scenario.board)),
    Rule("interventions:board_edit", only("ceo"), kwargs=pk(scenario.board)),
    Rule("interventions:board_member_add", only("ceo"), kwargs=pk(scenario.board)),
    Rule("interventions:board_approve", only("ceo"), kwargs=pk(scenario.board)),
    Rule("interventions:board_report_add", only("ceo", "head_a"), kwargs=pk(scenario.board)),
    Rule("interventions:board_close", only("ceo"), kwargs=pk(scenario.board)),
    Rule("interventions:board_member_remove", only("ceo"), kwargs=pk(scenario.board_member)),
    # The HR support plan is restricted: only the CEO, CFO and COO; to everyone else it does not exist.
    Rule("interventions:hr_plan", only("ceo", "cfo", others=404), kwargs=pk(scenario.board)),
    # Re-brokerage: trust-wide roles read the log; the CEO records.
    Rule("interventions:rebrokerage", trust_wide_only(), kwargs=urn),
    Rule("interventions:rebrokerage_add", trust_wide_only(403) | {"ceo": 200}, kwargs=urn),
    Rule("interventions:dashboard_export", trust_wide_only()),
]
