"""The interventions' work for the to-do page.

A head: the open FREP directives and warning-notice targets of their school (those the trust returned
first), and the jointly written action plan a notice asks for. Anyone: the REP actions they own, and
the warning notices addressed to them. The trust: reports on FREP directives and notice targets to
check, notices whose compliance period has ended (the vote is due) and, for the CFO, the FREP
directives coming due and the finance notices' target-setting meetings still to call; plans to close: REPs
past their end date (the CEO, the EHT) and Finance REPs whose directives are all decided or past (the CFO);
requests for extra REP funding awaiting the CEO's decision.

At most eleven queries, whatever the number of schools or records.
"""

from datetime import date, timedelta

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.urls import reverse

from categorisation.models import Dimension
from categorisation.services.votes import VOTE_CHAIRS
from schools.roles import HEAD_ROLES, Role
from todo.items import TodoItem

from .models import (
    ActionStatus,
    Frep,
    FrepDirective,
    FundingRequestStatus,
    NoticeTarget,
    RecordStatus,
    Rep,
    RepAction,
    RepFundingRequest,
    TargetStatus,
    WarningNotice,
)
from .permissions import FREP_WRITERS, NOTICE_WRITERS, REP_WRITERS

# The CFO is shown a FREP directive this many days before its deadline.
FREP_DUE_SOON_DAYS = 14


def todo_items(user, access, *, today: date) -> list[TodoItem]:
    return [
        *_school_targets(access, today=today),
        *_rep_actions(user, today=today),
        *_reports_to_check(user, access),
        *_notices_to_decide(user, access, today=today),
        *_notices_addressed_to(user, access, today=today),
        *_frep_directives_due(user, access, today=today),
        *_plans_to_close(user, access, today=today),
        *_funding_requests(user, access),
    ]


def _heads_schools(access) -> list[int]:
    return [pk for pk, roles in access.school_roles.items() if roles & HEAD_ROLES]


def _target_item(item, *, school, what, href, today) -> TodoItem:
    """An open FREP directive or notice target, as the school's head sees it (two queries for all)."""
    returned = bool(item.returned_note)
    return TodoItem(
        group="Directives",
        title=f"{school}, {what}: {item.text[:100]}",
        href=href,
        status="Returned to you" if returned else "Open",
        colour="red" if returned else "orange",
        due_on=item.due_on,
        overdue=item.due_on < today,
    )


def _school_targets(access, *, today) -> list[TodoItem]:
    head_of = _heads_schools(access)
    if not head_of:
        return []
    items = [
        _target_item(
            d,
            school=d.frep.school,
            what="Finance REP",
            href=reverse("interventions:frep_directive_report", args=[d.pk]),
            today=today,
        )
        for d in FrepDirective.objects.filter(
            frep__school_id__in=head_of, frep__status=RecordStatus.OPEN, status=TargetStatus.OPEN
        ).select_related("frep__school")
    ]
    items += [
        _target_item(
            t,
            school=t.notice.school,
            what=f"{t.notice.get_dimension_display()} warning notice",
            href=reverse("interventions:notice_target_report", args=[t.pk]),
            today=today,
        )
        for t in NoticeTarget.objects.filter(
            notice__school_id__in=head_of, notice__status=RecordStatus.OPEN, status=TargetStatus.OPEN
        ).select_related("notice__school")
    ]
    return items


def _rep_actions(user, *, today) -> list[TodoItem]:
    """The actions of open REPs the person owns and has not done (one query)."""
    actions = (
        RepAction.objects.visible_to(user)
        .filter(owner=user, milestone__rep__status=RecordStatus.OPEN)
        .exclude(status=ActionStatus.DONE)
        .select_related("milestone__rep__school")
    )
    return [
        TodoItem(
            group="REP actions",
            title=f"{a.milestone.rep.school}, {a.milestone.get_milestone_display()}: {a.text[:100]}",
            href=reverse("interventions:action_progress", args=[a.pk]),
            status=a.get_status_display(),
            colour=a.status_colour,
            due_on=a.milestone.due_on,
            overdue=a.milestone.due_on < today,
        )
        for a in actions
    ]


def _reports_to_check(user, access) -> list[TodoItem]:
    """Reports from schools on FREP directives and notice targets, for those who accept or return them
    (two queries)."""
    items = []
    if access.has_trust_role(*FREP_WRITERS):
        items += [
            TodoItem(
                group="Directives",
                title=f"Check {d.frep.school}'s report on a Finance REP directive: {d.text[:80]}",
                href=reverse("interventions:frep_directive_check", args=[d.pk]),
                status="Reported",
                colour="purple",
                due_on=d.due_on,
            )
            for d in FrepDirective.objects.visible_to(user)
            .filter(frep__status=RecordStatus.OPEN, status=TargetStatus.REPORTED)
            .select_related("frep__school")
        ]
    dimensions = [d for d, writers in NOTICE_WRITERS.items() if access.has_trust_role(*writers)]
    if dimensions:
        items += [
            TodoItem(
                group="Directives",
                title=f"Check {t.notice.school}'s report on a {t.notice.get_dimension_display().lower()} "
                f"warning-notice target: {t.text[:80]}",
                href=reverse("interventions:notice_target_check", args=[t.pk]),
                status="Reported",
                colour="purple",
                due_on=t.due_on,
            )
            for t in NoticeTarget.objects.visible_to(user)
            .filter(notice__status=RecordStatus.OPEN, notice__dimension__in=dimensions)
            .filter(status=TargetStatus.REPORTED)
            .select_related("notice__school")
        ]
    return items


def _notices_to_decide(user, access, *, today) -> list[TodoItem]:
    """Open notices whose compliance period has ended, for whoever chairs the vote that follows; and the
    finance notices' target-setting meetings the CFO has still to call (one query)."""
    from categorisation.models import Vote, VoteStatus

    dimensions = [d for d, chairs in VOTE_CHAIRS.items() if access.has_trust_role(*chairs)]
    calls_meetings = access.has_trust_role(Role.CFO)
    if not dimensions and not calls_meetings:
        return []
    open_vote = Vote.objects.filter(
        school=OuterRef("school"), dimension=OuterRef("dimension"), status=VoteStatus.OPEN
    )
    notices = (
        WarningNotice.objects.visible_to(user)
        .filter(status=RecordStatus.OPEN)
        .annotate(vote_open=Exists(open_vote))
        .select_related("school")
    )
    items = []
    for notice in notices:
        href = reverse("interventions:notice_detail", args=[notice.pk])
        what = f"{notice.get_dimension_display()} warning notice to {notice.school}"
        if notice.dimension in dimensions and notice.vote_due(today):
            then = "close the notice once the vote is decided" if notice.vote_open else "hold the vote"
            items.append(
                TodoItem(
                    group="Warning notices",
                    title=f"{what}: the compliance period has ended; {then}",
                    href=href,
                    status="Vote open" if notice.vote_open else "Vote due",
                    colour="yellow" if notice.vote_open else "red",
                    due_on=notice.period_ends_on,
                    overdue=not notice.vote_open and notice.period_ends_on < today,
                )
            )
        elif calls_meetings and notice.dimension == Dimension.FINANCE and notice.meeting_on is None:
            items.append(
                TodoItem(
                    group="Warning notices",
                    title=f"{what}: call the target-setting meeting",
                    href=reverse("interventions:notice_meeting", args=[notice.pk]),
                    status="Meeting to call",
                    colour="orange",
                )
            )
    return items


def _notices_addressed_to(user, access, *, today) -> list[TodoItem]:
    """Open notices sent to the person (not by them) while their period runs; for the school's head and
    LSB chair, the jointly written action plan until the trust has it (one query)."""
    notices = (
        WarningNotice.objects.visible_to(user)
        .filter(status=RecordStatus.OPEN, recipients=user, period_ends_on__gt=today)
        .exclude(issued_by=user)
        .select_related("school")
    )
    items = []
    for notice in notices:
        what = f"{notice.get_dimension_display()} warning notice to {notice.school}"
        writes_plan = access.has_school_role(notice.school_id, *HEAD_ROLES, Role.LSB_CHAIR)
        if writes_plan and notice.action_plan_received_on is None:
            items.append(
                TodoItem(
                    group="Warning notices",
                    title=f"{what}: write the action plan with the "
                    f"{'LSB chair' if access.is_head_of(notice.school_id) else 'head'}",
                    href=reverse("interventions:notice_action_plan", args=[notice.pk]),
                    status="Action plan due",
                    colour="orange",
                    due_on=notice.period_ends_on,
                )
            )
        else:
            items.append(
                TodoItem(
                    group="Warning notices",
                    title=f"Read the {what}",
                    href=reverse("interventions:notice_detail", args=[notice.pk]),
                    status="Addressed to you",
                    colour="grey",
                    due_on=notice.period_ends_on,
                )
            )
    return items


def _frep_directives_due(user, access, *, today) -> list[TodoItem]:
    """For the CFO: open FREP directives due within two weeks or past their deadline (one query)."""
    if not access.has_trust_role(Role.CFO):
        return []
    directives = (
        FrepDirective.objects.visible_to(user)
        .filter(frep__status=RecordStatus.OPEN, status=TargetStatus.OPEN)
        .filter(due_on__lte=today + timedelta(days=FREP_DUE_SOON_DAYS))
        .select_related("frep__school")
    )
    return [
        TodoItem(
            group="Finance REPs",
            title=f"{d.frep.school}, Finance REP: {d.text[:100]}",
            href=reverse("interventions:frep_directive_record", args=[d.pk]),
            status="Past its deadline" if d.due_on < today else "Due soon",
            colour="red" if d.due_on < today else "yellow",
            due_on=d.due_on,
            overdue=d.due_on < today,
        )
        for d in directives
    ]


def _plans_to_close(user, access, *, today) -> list[TodoItem]:
    """Open REPs past their end date, for their writers; open Finance REPs with every directive decided,
    or past their last deadline, for the CFO to close with the outcome (two queries)."""
    items = []
    if access.has_trust_role(*REP_WRITERS):
        items += [
            TodoItem(
                group="Plans to close",
                title=f"{rep}: its end date has passed; close it with its outcome or extend it",
                href=reverse("interventions:rep_detail", args=[rep.pk]),
                status="Past its end date",
                colour="red",
                due_on=rep.ends_on,
                overdue=True,
            )
            for rep in Rep.objects.visible_to(user)
            .filter(status=RecordStatus.OPEN, ends_on__lt=today)
            .select_related("school")
        ]
    if access.has_trust_role(Role.CFO):
        undecided = Q(directives__status__in=[TargetStatus.OPEN, TargetStatus.REPORTED])
        freps = (
            Frep.objects.visible_to(user)
            .filter(status=RecordStatus.OPEN)
            .annotate(undecided=Count("directives", filter=undecided), last_due=Max("directives__due_on"))
            .filter(last_due__isnull=False)
            .filter(Q(undecided=0) | Q(last_due__lt=today))
            .select_related("school")
        )
        for frep in freps:
            decided = frep.undecided == 0
            items.append(
                TodoItem(
                    group="Plans to close",
                    title=f"{frep}: "
                    + ("every directive is decided" if decided else "its last deadline has passed")
                    + "; close it with its outcome",
                    href=reverse("interventions:frep_detail", args=[frep.pk]),
                    status="Ready to close" if decided else "Past its last deadline",
                    colour="yellow" if decided else "red",
                    due_on=frep.last_due,
                    overdue=frep.last_due < today,
                )
            )
    return items


def _funding_requests(user, access) -> list[TodoItem]:
    """Requests for extra funding from a school's reserves awaiting the CEO's decision (one query)."""
    if not access.has_trust_role(Role.CEO):
        return []
    requests = (
        RepFundingRequest.objects.visible_to(user)
        .filter(status=FundingRequestStatus.AWAITING)
        .select_related("rep__school")
    )
    return [
        TodoItem(
            group="REP funding requests",
            title=f"Decide {r.rep.school}'s request for £{r.amount:,.0f} extra funding from reserves",
            href=reverse("interventions:funding_request_decide", args=[r.pk]),
            status="Awaiting your decision",
            colour="orange",
        )
        for r in requests
    ]
