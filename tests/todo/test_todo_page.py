from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audits.models import ActionStatus
from categorisation.models import Dimension
from letters.models import DirectiveStatus, Letter
from schools.models import HalfTerm
from tests.audits.factories import action_at
from tests.categorisation.factories import CategorisationFactory, level
from tests.factories import SchoolFactory
from tests.letters.factories import approved_letter, directive, draft_letter, sent_letter
from tests.personas import PERSONAS

pytestmark = pytest.mark.django_db


def _todo(client_as, person):
    response = client_as(person).get(reverse("todo:list"))
    assert response.status_code == 200
    return response


def _titles(response):
    return [item.title for _, items in response.context["groups"] for item in items]


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
def test_every_persona_lands_on_their_to_do_page_after_signing_in(world, client_as, persona):
    response = client_as(getattr(world, persona)).get(reverse("home"))
    assert response.status_code == 302 and response["Location"] == reverse("todo:list")


def test_a_head_sees_their_letter_directives_and_audit_actions_and_never_another_schools(world, client_as):
    letter_a = sent_letter(world.school_a, world.ceo)
    directive(letter_a, world.ceo, text="Publish the behaviour policy")
    directive(letter_a, world.ceo, text="Complete the SCR", status=DirectiveStatus.RETURNED)
    directive(letter_a, world.ceo, text="Already closed", status=DirectiveStatus.CLOSED)
    action_at(world.school_a, owner=world.head_a, description="Replace the fire door closer")
    action_at(world.school_a, owner=world.head_a, description="Reopened one", status=ActionStatus.REOPENED)
    action_at(
        world.school_a, owner=world.head_a, description="Reported one", status=ActionStatus.REPORTED_DONE
    )
    letter_b = sent_letter(world.school_b, world.ceo)
    directive(letter_b, world.ceo, text="School B's directive")
    action_at(world.school_b, owner=world.head_b, description="School B's action")

    response = _todo(client_as, world.head_a)
    titles = " | ".join(_titles(response))
    assert f"acknowledge the {letter_a.half_term.label} letter to {world.school_a}" in titles
    assert "Publish the behaviour policy" in titles and "Complete the SCR" in titles
    assert "Replace the fire door closer" in titles and "Reopened one" in titles
    assert "Already closed" not in titles and "Reported one" not in titles
    page = response.content.decode()
    assert world.school_b.name not in page and "School B's" not in page
    assert "Returned to you" in page
    assert reverse("letters:acknowledge", args=[letter_a.pk]) in page  # acknowledged from the list

    titles_b = " | ".join(_titles(_todo(client_as, world.head_b)))
    assert "School B's directive" in titles_b and "School B's action" in titles_b
    assert world.school_a.name not in titles_b


def test_an_lsb_chair_sees_the_letter_sent_to_them_but_no_head_work(world, client_as):
    letter = sent_letter(world.school_a, world.ceo)
    directive(letter, world.ceo)
    action_at(world.school_a, owner=world.head_a)
    assert _titles(_todo(client_as, world.lsb_chair_a)) == [
        f"Read the {letter.half_term.label} letter to {world.school_a}"
    ]


def test_overdue_items_come_first_with_their_due_date(world, client_as):
    today = timezone.localdate()
    action_at(world.school_a, owner=world.head_a, description="Due later", due_on=today + timedelta(days=20))
    action_at(
        world.school_a, owner=world.head_a, description="Long overdue", due_on=today - timedelta(days=3)
    )
    response = _todo(client_as, world.head_a)
    items = [item for _, items in response.context["groups"] for item in items]
    assert [i.title.split(": ")[-1] for i in items] == ["Long overdue", "Due later"]
    assert items[0].overdue and not items[1].overdue
    assert "Overdue:" in response.content.decode()


def test_the_ceo_sees_schools_to_categorise_letters_to_approve_and_issue_reports_and_letters_to_chase(
    world, client_as
):
    current = HalfTerm.objects.current()
    for dimension in Dimension.values:
        CategorisationFactory(
            school=world.school_a,
            half_term=current,
            level=level(dimension, "universal"),
            decided_by=world.ceo,
        )
    draft_letter(world.school_a, world.ceo, term=current)
    approved_letter(world.school_b, world.ceo, term=current)
    old = sent_letter(world.school_a, world.ceo)
    Letter.objects.filter(pk=old.pk).update(issued_at=timezone.now() - timedelta(days=11))
    recent = sent_letter(world.school_b, world.ceo)
    directive(recent, world.ceo, text="Report this one", status=DirectiveStatus.REPORTED_DONE)

    titles = _titles(_todo(client_as, world.ceo))
    assert f"Categorise 1 school for {current.label}" in titles  # school B only
    assert f"Approve 1 draft letter for {current.label}" in titles
    assert f"Issue 1 approved letter for {current.label}" in titles
    assert f"Chase {world.school_a}: {old.half_term.label} letter not acknowledged" in titles
    assert not any(t.startswith(f"Chase {world.school_b}") for t in titles)  # issued today
    assert f"Check {world.school_b}'s report: Report this one" in titles


def test_the_cfo_sees_each_school_missing_finance_figures(world, client_as):
    from categorisation.models import FinanceFigures

    current = HalfTerm.objects.current()
    FinanceFigures.objects.create(
        school=world.school_a,
        half_term=current,
        budget_balanced_3_years=True,
        predicted_in_year_outturn=0,
        predicted_carry_forward=0,
        carry_forward_target=0,
        gag=1_000_000,
        reserves=50_000,
        updated_by=world.cfo,
    )
    titles = _titles(_todo(client_as, world.cfo))
    assert titles == [f"Enter {world.school_b}'s finance figures for {current.label}"]


def test_the_compliance_manager_sees_reported_actions_and_the_audits_due(world, client_as):
    action_at(world.school_a, owner=world.head_a, description="Open one")
    action_at(
        world.school_b,
        owner=world.head_b,
        description="Not actioned",
        status=ActionStatus.REPORTED_NOT_ACTIONED,
    )
    response = _todo(client_as, world.compliance_manager)
    titles = _titles(response)
    assert f"Check {world.school_b}'s report: Not actioned" in titles
    assert not any("Open one" in t for t in titles)
    groups = dict(response.context["groups"])
    assert groups["Audit schedule"]  # types never carried out at a school are due now


def test_a_trustee_with_nothing_to_do_is_told_so(world, client_as):
    assert "Nothing is waiting on you today." in _todo(client_as, world.trustee).content.decode()


def _grow_trust(world, count, start):
    current = HalfTerm.objects.current()
    for n in range(start, start + count):
        school = SchoolFactory(urn=f"3{n:05d}", name=f"Grown School {n:03d}")
        draft_letter(school, world.ceo, term=current)
        letter = sent_letter(school, world.ceo)
        directive(letter, world.ceo, status=DirectiveStatus.REPORTED_DONE)
        action_at(school, owner=world.head_a, status=ActionStatus.REPORTED_DONE)
        # Decided after the letter went out: the record no longer matches it.
        CategorisationFactory(
            school=school,
            half_term=letter.half_term,
            level=level("education", "universal"),
            decided_by=world.ceo,
        )
        _interventions_at(world, school, ready_to_close=n % 2 == 0)
        _more_for_school_a(world, n)


def _interventions_at(world, school, *, ready_to_close=False):
    """A FREP with a directive reported and one coming due (or both met: ready to close); a REP past its
    end date with a request for extra funding; an education notice running, addressed to the CEO, the E&S
    chair and a trustee, its target reported; a finance notice whose period has ended."""
    from interventions.models import (
        Frep,
        FrepDirective,
        NoticeTarget,
        Rep,
        RepFundingRequest,
        TargetStatus,
        WarningNotice,
    )

    today = timezone.localdate()
    frep = Frep.objects.create(school=school, written_on=today - timedelta(days=30), author=world.cfo)
    first, second = (
        (TargetStatus.MET, TargetStatus.MET) if ready_to_close else (TargetStatus.REPORTED, TargetStatus.OPEN)
    )
    FrepDirective.objects.create(frep=frep, text="Reported", due_on=today, status=first)
    FrepDirective.objects.create(
        frep=frep, text="Coming due", due_on=today + timedelta(days=3), status=second
    )
    if school != world.school_a:
        rep = Rep.objects.create(
            school=school,
            written_on=today - timedelta(weeks=8),
            author=world.ceo,
            ends_on=today - timedelta(1),
        )
        RepFundingRequest.objects.create(rep=rep, amount=1000, reason="A tutor", requested_by=world.head_a)
    for dimension, ends_on, by, recipients in (
        ("education", today + timedelta(days=30), world.ceo, [world.ceo, world.es_chair, world.trustee]),
        ("finance", today - timedelta(days=1), world.cfo, [world.ceo]),
    ):
        notice = WarningNotice.objects.create(
            school=school,
            dimension=dimension,
            issued_on=today - timedelta(days=40),
            issued_by=by,
            grounds="Grounds",
            matters="Matters",
            period_ends_on=ends_on,
            consequence="A vote",
        )
        notice.recipients.set(recipients)
        NoticeTarget.objects.create(notice=notice, text="Target", due_on=today, status=TargetStatus.REPORTED)
    return frep, notice


def _more_for_school_a(world, n):
    """Another FREP directive, notice target and REP actions at school A, for its head and LSB chair."""
    from interventions.models import FrepDirective, NoticeTarget, RepAction

    FrepDirective.objects.create(frep=world.frep_a, text=f"Directive {n}", due_on=timezone.localdate())
    NoticeTarget.objects.create(notice=world.notice_a, text=f"Target {n}", due_on=timezone.localdate())
    for owner in (world.head_a, world.lsb_chair_a):
        RepAction.objects.create(milestone=world.milestone_a, text=f"Action {n}", owner=owner)


def _school_a_records(world):
    from interventions.models import Rep, RepMilestone, WarningNotice

    today = timezone.localdate()
    world.frep_a, notice = _interventions_at(world, world.school_a)
    world.notice_a = WarningNotice.objects.get(school=world.school_a, dimension="education")
    world.notice_a.recipients.add(world.head_a, world.lsb_chair_a)
    rep = Rep.objects.create(
        school=world.school_a, written_on=today, author=world.ceo, ends_on=today + timedelta(weeks=6)
    )
    world.milestone_a = RepMilestone.objects.create(rep=rep, milestone="week_1", due_on=today)


def _queries(client, url):
    """(queries, {group: items}) of one load of the page."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200
    return len(captured), {group: len(items) for group, items in response.context["groups"]}


@pytest.mark.parametrize(
    "persona", ["ceo", "cfo", "compliance_manager", "head_a", "lsb_chair_a", "trustee", "es_chair"]
)
def test_the_to_do_page_runs_the_same_queries_for_10_schools_and_120(world, client_as, persona):
    from schools.roles import Role
    from tests.factories import person_with_role

    url = reverse("todo:list")
    world.es_chair = person_with_role(Role.ES_CHAIR, email="es-chair@trust.example")
    _school_a_records(world)
    letter = sent_letter(world.school_a, world.ceo)
    directive(letter, world.ceo)
    action_at(world.school_a, owner=world.head_a)
    _open_vote(world)  # the panel member's vote to cast, and the CEO's votes to check
    _grow_trust(world, 8, 0)  # 10 schools with school A and B
    client = client_as(getattr(world, persona))
    client.get(url)  # session and caches warm
    ten, groups_at_10 = _queries(client, url)
    _grow_trust(world, 110, 8)
    client.get(url)  # growing takes long enough for the session's activity stamp to be saved: warm again
    hundred_and_twenty, groups_at_120 = _queries(client, url)
    print(f"TODO QUERIES {persona}: {ten} for 10 schools, {hundred_and_twenty} for 120; {groups_at_120}")
    assert hundred_and_twenty == ten
    # The items the queries read grew with the trust: the count is flat with data present.
    assert sum(groups_at_120.values()) > sum(groups_at_10.values())


def _open_vote(world):
    from categorisation.services import vote_open
    from tests.categorisation.factories import half_term

    CategorisationFactory(
        school=world.school_a, half_term=half_term(2026, 1), level=level("education", "poor")
    )
    return vote_open(
        school=world.school_a,
        half_term=half_term(2026, 2),
        proposed_level=level("education", "unacceptable"),
        motion="Warning-notice targets were not met.",
        by=world.ceo,
    )


def test_a_panel_member_sees_the_vote_awaiting_their_vote_until_they_vote(world, client_as):
    from categorisation.models import Choice
    from categorisation.services import vote_cast

    vote = _open_vote(world)
    assert f"Vote on {vote}" in _titles(_todo(client_as, world.lsb_chair_a))
    assert f"Vote on {vote}" not in _titles(_todo(client_as, world.head_b))
    vote_cast(vote=vote, by=world.lsb_chair_a, choice=Choice.FOR)
    assert f"Vote on {vote}" not in _titles(_todo(client_as, world.lsb_chair_a))


def test_the_ceo_is_asked_to_close_a_vote_once_everyone_has_voted(world, client_as):
    from categorisation.models import Choice
    from categorisation.services import vote_cast

    vote = _open_vote(world)
    assert f"Close the vote on {vote}" not in _titles(_todo(client_as, world.ceo))
    for member in vote.members.select_related("person"):
        vote_cast(vote=vote, by=member.person, choice=Choice.FOR)
    assert f"Close the vote on {vote}" in _titles(_todo(client_as, world.ceo))
