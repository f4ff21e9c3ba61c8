"""Every app's `may_<verb>` rules as one table: persona x verb x object -> allowed.

The objects belong to school A and are not saved: a rule reads only who the person is and which school
(or dimension, or owner) the object has. Head B is the head of another school, so is refused everything a
head of school A may do.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template import Context, Template

from audits.models import Audit, AuditAction
from categorisation.models import Dimension, Vote
from interventions.models import Frep, ImprovementBoard, Rep, RepAction, RepMilestone, WarningNotice
from interventions.models.common import RecordStatus
from interventions.models.frep import FrepDirective
from kpis.models import ImportKind
from letters.models import Directive, Letter
from schools.access import forget_access
from schools.permissions import rule
from schools.roles import Role
from tests.factories import person_with_role
from tests.personas import PERSONAS

PEOPLE = [*PERSONAS, "eht", "coo"]
TRUST_WIDE = {"ceo", "cfo", "compliance_manager", "trustee", "governance_professional", "eht", "coo"}
EDUCATION, FINANCE = Dimension.EDUCATION, Dimension.FINANCE

# (rule, the object it is asked about, who may)
TABLE = [
    ("letters.read_drafts", None, TRUST_WIDE),
    ("letters.write", None, {"ceo"}),
    ("letters.write", "letter_a", {"ceo"}),
    ("letters.approve", "letter_a", {"ceo"}),
    ("letters.issue", "letter_a", {"ceo"}),
    ("letters.acknowledge", "letter_a", {"head_a"}),
    ("letters.report", "directive_a", {"head_a"}),
    ("letters.decide", "directive_a", {"ceo"}),
    ("audits.record", None, {"compliance_manager"}),
    ("audits.import", None, {"compliance_manager"}),
    ("audits.close", "audit_action_a", {"compliance_manager"}),
    ("audits.reopen", "audit_action_a", {"compliance_manager"}),
    ("audits.report", "audit_action_a", {"head_a"}),
    ("categorisation.decide", None, {"ceo", "cfo"}),
    ("categorisation.decide", EDUCATION, {"ceo"}),
    ("categorisation.decide", FINANCE, {"ceo", "cfo"}),
    ("categorisation.decide_all", None, {"ceo"}),
    ("categorisation.enter_finance", "school_a", {"ceo", "cfo"}),
    ("categorisation.open_vote", None, {"ceo", "cfo"}),
    ("categorisation.open_vote", EDUCATION, {"ceo"}),
    ("categorisation.close_vote", "finance_vote_a", {"ceo", "cfo"}),
    ("categorisation.withdraw_vote", "education_vote_a", {"ceo"}),
    ("interventions.write_rep", "rep_a", {"ceo", "eht"}),
    ("interventions.approve_funding", "rep_a", {"ceo"}),
    ("interventions.review_rep", "school_a_id", {"ceo", "eht", "head_a"}),
    ("interventions.update_action", "rep_action_a", {"ceo", "eht", "lsb_chair_a"}),
    ("interventions.write_frep", "frep_a", {"ceo", "cfo"}),
    ("interventions.report", "frep_a", {"head_a"}),
    ("interventions.report_progress", "frep_directive_a", {"head_a"}),
    ("interventions.check_progress", "frep_directive_a", {"ceo", "cfo"}),
    ("interventions.write_notice", EDUCATION, {"ceo", "eht"}),
    ("interventions.write_notice", FINANCE, {"ceo", "cfo"}),
    ("interventions.issue_notice", FINANCE, {"cfo"}),
    ("interventions.record_action_plan", "education_notice_a", {"ceo", "eht", "head_a", "lsb_chair_a"}),
    ("interventions.write_board", "board_a", {"ceo"}),
    ("interventions.approve_plan", "board_a", {"ceo"}),
    ("interventions.record_report", "board_a", {"ceo", "eht", "head_a"}),
    ("interventions.read_hr_plan", "board_a", {"ceo", "cfo", "coo"}),
    ("interventions.write_hr_plan", "board_a", {"ceo"}),
    ("interventions.write_rebrokerage", "school_a", {"ceo"}),
    ("kpis.import", ImportKind.KPI_RESULTS, {"ceo"}),
    ("kpis.import", ImportKind.FINANCE_FIGURES, {"ceo", "cfo"}),
    ("schools.change_letterhead", None, {"ceo"}),
    ("schools.record_pupil_numbers", "school_a", {"ceo", "cfo", "coo"}),
    ("accounts.manage_people", None, {"ceo", "coo"}),
    ("accounts.oversee_access", None, {"ceo"}),
    ("api.manage_clients", None, {"ceo", "coo"}),
]


@pytest.fixture
def people(world):
    everyone = {name: getattr(world, name) for name in PERSONAS}
    everyone["anonymous"] = AnonymousUser()
    everyone["eht"] = person_with_role(Role.EHT, email="eht@trust.example")
    everyone["coo"] = person_with_role(Role.COO, email="coo@trust.example")
    return everyone


@pytest.fixture
def things(world):
    school = world.school_a
    letter = Letter(school=school)
    rep = Rep(school=school)
    frep = Frep(school=school)
    return {
        None: None,
        EDUCATION: EDUCATION,
        FINANCE: FINANCE,
        ImportKind.KPI_RESULTS: ImportKind.KPI_RESULTS,
        ImportKind.FINANCE_FIGURES: ImportKind.FINANCE_FIGURES,
        "school_a": school,
        "school_a_id": school.pk,
        "letter_a": letter,
        "directive_a": Directive(school=school, letter=letter),
        "audit_action_a": AuditAction(audit=Audit(school=school)),
        "finance_vote_a": Vote(school=school, dimension=FINANCE),
        "education_vote_a": Vote(school=school, dimension=EDUCATION),
        "rep_a": rep,
        "rep_action_a": RepAction(milestone=RepMilestone(rep=rep), owner=world.lsb_chair_a),
        "frep_a": frep,
        "frep_directive_a": FrepDirective(frep=frep),
        "education_notice_a": WarningNotice(school=school, dimension=EDUCATION),
        "board_a": ImprovementBoard(school=school, dimension=EDUCATION),
    }


@pytest.mark.parametrize(("name", "thing", "allowed"), TABLE, ids=[f"{n}({t})" for n, t, _ in TABLE])
def test_each_rule_allows_exactly_the_people_in_the_table(people, things, name, thing, allowed):
    may = rule(name)
    answers = {persona: may(people[persona], things[thing]) for persona in PEOPLE}
    assert {persona for persona, yes in answers.items() if yes} == allowed


def test_the_head_of_another_school_is_refused_what_the_head_of_school_a_may_do(people, things):
    head_rules = [(name, thing) for name, thing, allowed in TABLE if "head_a" in allowed]
    assert len(head_rules) >= 6
    for name, thing in head_rules:
        assert rule(name)(people["head_a"], things[thing]), name
        assert not rule(name)(people["head_b"], things[thing]), name


def test_a_refusal_from_a_require_rule_is_a_403(people, things):
    from letters.permissions import require_approve

    require_approve(people["ceo"], things["letter_a"])
    with pytest.raises(PermissionDenied, match="Only the CEO"):
        require_approve(people["head_a"], things["letter_a"])


def test_the_hr_support_plan_looks_absent_to_people_who_may_not_read_it(people, things):
    from interventions.permissions import require_read_hr_plan

    require_read_hr_plan(people["coo"], things["board_a"])
    with pytest.raises(Http404):
        require_read_hr_plan(people["head_a"], things["board_a"])


def test_a_closed_board_takes_no_more_changes_to_its_hr_plan(people, things):
    board = things["board_a"]
    board.status = RecordStatus.CLOSED
    assert not rule("interventions.write_hr_plan")(people["ceo"], board)
    assert rule("interventions.write_hr_plan")(people["ceo"], None)


def test_templates_ask_the_same_rule_with_the_may_tag(people, things):
    template = Template('{% may "letters.acknowledge" letter as may_acknowledge %}{{ may_acknowledge }}')
    for persona, expected in (("head_a", "True"), ("head_b", "False"), ("ceo", "False")):
        assert template.render(Context({"user": people[persona], "letter": things["letter_a"]})) == expected


def test_an_unknown_rule_name_is_an_error_not_a_refusal():
    with pytest.raises(LookupError, match="letters/permissions.py has no may_fly"):
        rule("letters.fly")


def test_a_rule_reads_the_roles_a_person_holds_today(people, things):
    ceo = people["ceo"]
    assert rule("letters.approve")(ceo, things["letter_a"])
    ceo.appointments.all().delete()
    forget_access(ceo)
    assert not rule("letters.approve")(ceo, things["letter_a"])
