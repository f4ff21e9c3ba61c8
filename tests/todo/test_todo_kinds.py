"""The to-do items of interventions (FREP directives, warning notices and their targets, REP actions) and
the letters addressed to people or changed since issue: each reaches the person it waits on and nobody
else. The clock is pinned to Wednesday 2 December 2026 (Aut 2, 2026)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from categorisation.models import Categorisation, Dimension
from interventions import services
from interventions.models import ActionStatus, Milestone, TargetStatus
from schools.roles import Role
from tests.categorisation.factories import level
from tests.factories import SchoolFactory, person_with_role
from tests.interventions import scenario
from tests.letters.factories import decide_all, half_term, sent_letter

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 2)


@pytest.fixture(autouse=True)
def pinned_clock():
    with time_machine.travel(datetime(2026, 12, 2, 9, tzinfo=ZoneInfo("Europe/London")), tick=False):
        yield


def _items(client_as, person):
    response = client_as(person).get(reverse("todo:list"))
    assert response.status_code == 200
    return [item for _, items in response.context["groups"] for item in items]


def _titles(client_as, person):
    return " | ".join(item.title for item in _items(client_as, person))


def _item(client_as, person, text):
    found = [item for item in _items(client_as, person) if text in item.title]
    assert len(found) == 1, f"{text!r} not once in {person}'s to-do"
    return found[0]


def frep_with_directive(world, school, *, text="Send a recovery budget", due_on=TODAY + timedelta(days=5)):
    frep = services.frep_open(school=school, written_on=TODAY - timedelta(days=30), by=world.cfo)
    return services.frep_directive_add(frep=frep, text=text, due_on=due_on, by=world.cfo)


def notice(world, school, dimension, *, period_ends_on=TODAY + timedelta(days=40), target="Complete the SCR"):
    """A notice issued a week ago, by the CEO (education) or the CFO (finance), to its default recipients."""
    scenario.stand_at(world, school, dimension, "poor")
    return services.notice_issue(
        school=school,
        dimension=dimension,
        issued_on=TODAY - timedelta(days=7),
        grounds="Targets were not met.",
        matters="Actions overdue.",
        period_ends_on=period_ends_on,
        consequence="The panel may vote to move the school to Unacceptable.",
        recipients=scenario.default_recipients(school, dimension),
        targets=[(target, min(TODAY + timedelta(days=7), period_ends_on))],
        by=world.cfo if dimension == Dimension.FINANCE else world.ceo,
    )


def test_a_head_sees_their_schools_open_frep_directives_and_notice_targets_returned_ones_marked(
    world, client_as
):
    directive = frep_with_directive(world, world.school_a)
    target = notice(world, world.school_a, Dimension.EDUCATION).targets.get()
    services.target_progress_report(item=target, progress="SCR checked", by=world.head_a)
    services.target_progress_return(item=target, note="Two staff files are missing.", by=world.ceo)
    frep_with_directive(world, world.school_b, text="School B's budget")

    item = _item(client_as, world.head_a, "Finance REP: Send a recovery budget")
    assert (item.status, item.due_on, item.overdue) == ("Open", directive.due_on, False)
    assert item.href == reverse("interventions:frep_directive_report", args=[directive.pk])
    item = _item(client_as, world.head_a, "Education warning notice: Complete the SCR")
    assert (item.status, item.colour) == ("Returned to you", "red")
    assert item.href == reverse("interventions:notice_target_report", args=[target.pk])
    assert "School B's budget" not in _titles(client_as, world.head_a)

    assert "School B's budget" in _titles(client_as, world.head_b)
    for person in (world.head_b, world.lsb_chair_a, world.ceo, world.trustee):  # the CFO: see below
        titles = _titles(client_as, person)
        assert "Finance REP: Send a recovery budget" not in titles
        assert "warning notice: Complete the SCR" not in titles


def test_a_reported_directive_leaves_the_heads_list_and_waits_on_those_who_check_it(world, client_as):
    directive = frep_with_directive(world, world.school_a)
    education = notice(world, world.school_a, Dimension.EDUCATION, target="New timetable").targets.get()
    finance = notice(world, world.school_a, Dimension.FINANCE, target="Cut agency spend").targets.get()
    for item in (directive, education, finance):
        services.target_progress_report(item=item, progress="Done", by=world.head_a)
    eht = person_with_role(Role.EHT)
    assert "Send a recovery budget" not in _titles(client_as, world.head_a)

    frep_check = f"Check {world.school_a}'s report on a Finance REP directive: Send a recovery budget"
    education_check = "education warning-notice target: New timetable"
    finance_check = "finance warning-notice target: Cut agency spend"
    seen = {person: _titles(client_as, person) for person in (world.ceo, world.cfo, eht)}
    assert frep_check in seen[world.ceo] and frep_check in seen[world.cfo] and frep_check not in seen[eht]
    assert education_check in seen[world.ceo] and education_check in seen[eht]
    assert education_check not in seen[world.cfo]
    assert finance_check in seen[world.cfo] and finance_check in seen[world.ceo]
    assert finance_check not in seen[eht]
    item = _item(client_as, world.cfo, frep_check)
    assert item.href == reverse("interventions:frep_directive_check", args=[directive.pk])
    for person in (world.head_a, world.head_b, world.lsb_chair_a, world.trustee, world.compliance_manager):
        assert "Check " not in _titles(client_as, person)


def test_the_owner_of_a_rep_action_sees_it_until_it_is_done(world, client_as):
    rep = services.rep_open(
        school=world.school_a, written_on=TODAY - timedelta(days=10), author=world.ceo, by=world.ceo
    )
    week_1 = rep.milestones.get(milestone=Milestone.WEEK_1)
    week_3 = rep.milestones.get(milestone=Milestone.WEEK_3)
    late = services.rep_action_add(
        milestone=week_1, text="Clear behaviour steps", owner=world.head_a, by=world.ceo
    )
    services.rep_action_add(milestone=week_3, text="Governor visits", owner=world.lsb_chair_a, by=world.ceo)

    item = _item(client_as, world.head_a, "Clear behaviour steps")
    assert item.title == f"{world.school_a}, ASAP (within 1 week): Clear behaviour steps"
    assert (item.status, item.due_on, item.overdue) == ("Not started", week_1.due_on, True)
    assert item.href == reverse("interventions:action_progress", args=[late.pk])
    assert "Governor visits" not in _titles(client_as, world.head_a)
    assert "Governor visits" in _titles(client_as, world.lsb_chair_a)
    for person in (world.head_b, world.ceo, world.trustee):
        assert "Clear behaviour steps" not in _titles(client_as, person)

    services.rep_action_progress(action=late, status=ActionStatus.DONE, done_on=TODAY, by=world.head_a)
    assert "Clear behaviour steps" not in _titles(client_as, world.head_a)


def test_the_ceo_is_told_when_a_warning_notices_compliance_period_has_ended_and_the_vote_is_due(
    world, client_as
):
    from categorisation.services import vote_open

    ended = notice(world, world.school_a, Dimension.EDUCATION, period_ends_on=TODAY - timedelta(days=1))
    notice(world, world.school_b, Dimension.EDUCATION)  # its period runs on
    what = f"Education warning notice to {world.school_a}: the compliance period has ended"

    item = _item(client_as, world.ceo, what)
    assert (item.status, item.colour, item.overdue) == ("Vote due", "red", True)
    assert item.href == reverse("interventions:notice_detail", args=[ended.pk])
    assert f"warning notice to {world.school_b}: the compliance period" not in _titles(client_as, world.ceo)
    for person in (world.cfo, world.head_a, world.lsb_chair_a, world.trustee):
        assert "the compliance period has ended" not in _titles(client_as, person)

    vote_open(
        school=world.school_a,
        half_term=half_term(2026),
        proposed_level=level("education", "unacceptable"),
        motion="Warning-notice targets were not met.",
        by=world.ceo,
    )
    item = _item(client_as, world.ceo, what)
    assert (item.status, item.overdue) == ("Vote open", False)
    assert item.title.endswith("close the notice once the vote is decided")


def test_the_cfo_sees_finance_notices_to_act_on_and_frep_directives_coming_due(world, client_as):
    soon = frep_with_directive(world, world.school_a, text="Send a recovery budget")
    services.frep_directive_add(
        frep=soon.frep, text="Next term's plan", due_on=TODAY + timedelta(days=30), by=world.cfo
    )
    late = frep_with_directive(
        world, world.school_b, text="Agree the staffing plan", due_on=TODAY - timedelta(days=2)
    )
    meeting = notice(world, world.school_a, Dimension.FINANCE)
    ended = notice(world, world.school_b, Dimension.FINANCE, period_ends_on=TODAY)

    titles = _titles(client_as, world.cfo)
    item = _item(client_as, world.cfo, "Finance REP: Send a recovery budget")
    assert (item.group, item.status, item.overdue) == ("Finance REPs", "Due soon", False)
    item = _item(client_as, world.cfo, "Finance REP: Agree the staffing plan")
    assert (item.status, item.overdue) == ("Past its deadline", True)
    assert item.href == reverse("interventions:frep_directive_record", args=[late.pk])
    assert "Next term's plan" not in titles  # more than two weeks away
    item = _item(client_as, world.cfo, f"Finance warning notice to {world.school_a}: call the target-setting")
    assert item.href == reverse("interventions:notice_meeting", args=[meeting.pk])
    item = _item(client_as, world.cfo, f"Finance warning notice to {world.school_b}: the compliance period")
    assert (item.status, item.overdue) == ("Vote due", False)  # it ends today
    assert item.href == reverse("interventions:notice_detail", args=[ended.pk])

    ceo = _titles(client_as, world.ceo)
    assert "Send a recovery budget" not in ceo and "call the target-setting meeting" not in ceo
    assert f"Finance warning notice to {world.school_b}: the compliance period has ended" in ceo
    for person in (world.head_a, world.head_b, world.compliance_manager, world.trustee):
        assert "call the target-setting meeting" not in _titles(client_as, person)


def test_the_people_a_notice_is_addressed_to_see_it_and_the_head_and_lsb_chair_its_action_plan(
    world, client_as
):
    es_chair = person_with_role(Role.ES_CHAIR)
    fr_chair = person_with_role(Role.FR_CHAIR)
    education = notice(world, world.school_a, Dimension.EDUCATION)
    notice(world, world.school_b, Dimension.FINANCE)

    read_education = f"Read the Education warning notice to {world.school_a}"
    read_finance = f"Read the Finance warning notice to {world.school_b}"
    item = _item(client_as, es_chair, read_education)
    assert (item.status, item.due_on) == ("Addressed to you", education.period_ends_on)
    assert item.href == reverse("interventions:notice_detail", args=[education.pk])
    assert read_finance not in _titles(client_as, es_chair)
    assert read_finance in _titles(client_as, fr_chair) and read_education not in _titles(client_as, fr_chair)
    assert read_finance in _titles(client_as, world.ceo)  # the CFO issued it
    assert read_education not in _titles(client_as, world.ceo)  # the CEO issued this one
    assert "Read the" not in _titles(client_as, world.cfo)
    assert "warning notice" not in _titles(client_as, world.trustee)

    plan = f"Education warning notice to {world.school_a}: write the action plan with the"
    assert _item(client_as, world.head_a, plan).title.endswith("with the LSB chair")
    assert _item(client_as, world.lsb_chair_a, plan).title.endswith("with the head")
    assert _item(client_as, world.head_a, plan).href == reverse(
        "interventions:notice_action_plan", args=[education.pk]
    )
    assert f"warning notice to {world.school_a}" not in _titles(client_as, world.head_b)
    assert "write the action plan with the LSB chair" in _titles(client_as, world.head_b)  # school B's own
    services.notice_action_plan_record(
        notice=education, action_plan="Joint plan.", received_on=TODAY, by=world.head_a
    )
    assert read_education in _titles(client_as, world.head_a)
    assert plan not in _titles(client_as, world.head_a)


def _issued_then_corrected(world):
    term = half_term(2026, 1)
    decide_all(world.school_a, world.ceo, term=term)
    letter = sent_letter(world.school_a, world.ceo, term=term)
    Categorisation.objects.filter(school=world.school_a, half_term=term).update(
        locked_at=letter.issued_at, locked_by=world.ceo
    )
    from categorisation.services import categorisation_decide

    categorisation_decide(
        school=world.school_a,
        half_term=term,
        level=level("education", "concerning"),
        by=world.ceo,
        rationale="The LA's visit found safeguarding gaps.",
        correction_reason="The LA's report arrived after the letter",
    )
    return letter


def test_the_ceo_is_asked_to_issue_a_corrected_letter_once_the_record_changes_after_issue(world, client_as):
    unchanged = sent_letter(world.school_b, world.ceo)
    letter = _issued_then_corrected(world)

    item = _item(client_as, world.ceo, f"Issue a corrected Aut 1, 2026 letter to {world.school_a}")
    assert item.title.endswith("1 change to the record since it was sent")
    assert (item.status, item.colour) == ("Record changed", "red")
    assert item.href == reverse("letters:detail", args=[letter.pk])
    assert f"corrected Aut 1, 2026 letter to {world.school_b}" not in _titles(client_as, world.ceo)
    assert unchanged.is_sent
    for person in (world.head_a, world.lsb_chair_a, world.cfo, world.trustee):
        assert "Issue a corrected" not in _titles(client_as, person)

    from letters.services import letter_correct

    letter_correct(letter=letter, by=world.ceo, reason="Education corrected")
    assert "Issue a corrected" not in _titles(client_as, world.ceo)


def test_the_lsb_chair_sees_the_letter_sent_to_them_until_the_head_acknowledges_it(world, client_as):
    from letters.services import letter_acknowledge

    letter = sent_letter(world.school_a, world.ceo)
    sent_letter(world.school_b, world.ceo)
    lsb_chair_b = person_with_role(Role.LSB_CHAIR, world.school_b)

    item = _item(client_as, world.lsb_chair_a, "Read the Aut 1, 2026 letter to")
    assert item.title == f"Read the Aut 1, 2026 letter to {world.school_a}"
    assert (item.status, item.action) == ("Sent to you", None)  # the head acknowledges for the school
    assert item.href == reverse("letters:detail", args=[letter.pk])
    assert f"letter to {world.school_b}" in _titles(client_as, lsb_chair_b)
    assert f"letter to {world.school_a}" not in _titles(client_as, lsb_chair_b)
    for person in (world.trustee, world.cfo, world.compliance_manager):
        assert "Read the Aut 1, 2026 letter" not in _titles(client_as, person)

    letter_acknowledge(letter=letter, by=world.head_a)
    assert "Read the Aut 1, 2026 letter" not in _titles(client_as, world.lsb_chair_a)


def test_a_rep_past_its_end_date_waits_on_the_ceo_and_the_eht_to_close_or_extend(world, client_as):
    rep = services.rep_open(
        school=world.school_a, written_on=TODAY - timedelta(weeks=8), author=world.ceo, by=world.ceo
    )
    services.rep_open(
        school=world.school_b, written_on=TODAY - timedelta(weeks=2), author=world.ceo, by=world.ceo
    )
    eht = person_with_role(Role.EHT)

    for person in (world.ceo, eht):
        item = _item(client_as, person, "its end date has passed")
        assert item.title.startswith(f"REP for {world.school_a}")
        assert (item.status, item.due_on, item.overdue) == ("Past its end date", rep.ends_on, True)
        assert item.href == reverse("interventions:rep_detail", args=[rep.pk])
    for person in (world.cfo, world.head_a, world.lsb_chair_a, world.head_b, world.trustee):
        assert "its end date has passed" not in _titles(client_as, person)


def test_the_cfo_is_asked_to_close_a_finance_rep_once_every_directive_is_decided_or_its_last_deadline_passes(
    world, client_as
):
    decided = frep_with_directive(world, world.school_a, due_on=TODAY - timedelta(days=20))
    services.frep_directive_record(
        directive=decided, status=TargetStatus.MET, met_on=TODAY - timedelta(days=21), by=world.cfo
    )
    frep_with_directive(world, world.school_b, due_on=TODAY - timedelta(days=1))
    running = frep_with_directive(world, SchoolFactory(name="Castle Hill Primary", urn="100003"))

    item = _item(client_as, world.cfo, f"FREP for {world.school_a}")
    assert (item.status, item.title.endswith("every directive is decided; close it with its outcome")) == (
        "Ready to close",
        True,
    )
    assert item.href == reverse("interventions:frep_detail", args=[decided.frep_id])
    item = _item(client_as, world.cfo, f"FREP for {world.school_b}")
    assert (item.status, item.overdue) == ("Past its last deadline", True)
    assert f"FREP for {running.frep.school}" not in _titles(client_as, world.cfo)
    for person in (world.ceo, world.head_a, world.head_b, world.trustee):
        assert "close it with its outcome" not in _titles(client_as, person)


def test_a_request_for_extra_rep_funding_waits_on_the_ceos_decision(world, client_as):
    request = scenario.funding_request(world)

    item = _item(client_as, world.ceo, "extra funding from reserves")
    assert item.title == f"Decide {world.school_a}'s request for £5,000 extra funding from reserves"
    assert (item.group, item.status) == ("REP funding requests", "Awaiting your decision")
    assert item.href == reverse("interventions:funding_request_decide", args=[request.pk])
    for person in (world.cfo, world.head_a, world.head_b, world.lsb_chair_a, world.trustee):
        assert "extra funding" not in _titles(client_as, person)

    services.rep_funding_decide(request=request, approve=True, by=world.ceo)
    assert "extra funding" not in _titles(client_as, world.ceo)
