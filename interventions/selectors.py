"""Reads: open records, the deadlines that are slipping, and the history of a school's interventions."""

from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse

from categorisation.models import Categorisation

from .models import (
    ActionStatus,
    Dimension,
    Frep,
    FrepDirective,
    ImprovementBoard,
    NoticeTarget,
    Outcome,
    RecordStatus,
    Rep,
    RepAction,
    TargetStatus,
    WarningNotice,
)

CONCERNING = Outcome.CONCERNING.value  # the ladder's level code


def open_rep_for(*, school) -> Rep | None:
    """The school's open REP (the CEO letter says "REP written by EHT" while there is one)."""
    return Rep.objects.filter(school=school, status=RecordStatus.OPEN).select_related("author").first()


def open_records_for(*, school) -> dict:
    """The school's open REP, FREP, warning notices and Improvement Board, for its page."""
    return {
        "rep": open_rep_for(school=school),
        "frep": Frep.objects.filter(school=school, status=RecordStatus.OPEN).first(),
        "notices": list(WarningNotice.objects.filter(school=school, status=RecordStatus.OPEN)),
        "board": ImprovementBoard.objects.filter(school=school, status=RecordStatus.OPEN).first(),
    }


def history_for(*, school) -> dict:
    """Every intervention record the school has had, newest first (closed ones are kept)."""
    return {
        "reps": list(Rep.objects.filter(school=school)),
        "freps": list(Frep.objects.filter(school=school)),
        "notices": list(WarningNotice.objects.filter(school=school)),
        "boards": list(ImprovementBoard.objects.filter(school=school)),
        "conversations": list(school.rebrokerage_conversations.all()),
    }


def _in(qs, field, school_ids):
    return qs if school_ids is None else qs.filter(**{f"{field}__in": school_ids})


def overdue_rep_actions(*, on: date, school_ids=None):
    """Actions of open REPs not done by their milestone's due date."""
    qs = RepAction.objects.filter(milestone__rep__status=RecordStatus.OPEN, milestone__due_on__lt=on).exclude(
        status=ActionStatus.DONE
    )
    return _in(qs, "milestone__rep__school_id", school_ids).select_related("milestone__rep__school", "owner")


def missed_notice_targets(*, on: date, school_ids=None):
    """Targets of open warning notices found not met, or still open after their deadline."""
    qs = NoticeTarget.objects.filter(notice__status=RecordStatus.OPEN).filter(
        Q(status=TargetStatus.MISSED) | Q(status=TargetStatus.OPEN, due_on__lt=on)
    )
    return _in(qs, "notice__school_id", school_ids).select_related("notice__school")


def overdue_frep_directives(*, on: date, school_ids=None):
    qs = FrepDirective.objects.filter(frep__status=RecordStatus.OPEN).filter(
        Q(status=TargetStatus.MISSED) | Q(status=TargetStatus.OPEN, due_on__lt=on)
    )
    return _in(qs, "frep__school_id", school_ids).select_related("frep__school")


def _months(start: date, end: date):
    """First days of the months from `start`'s month up to, not including, `end`'s month."""
    year, month = start.year, start.month
    while (year, month) < (end.year, end.month):
        yield date(year, month, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def missing_reports(board: ImprovementBoard, *, on: date, reported_months=None) -> list[date]:
    """The months that have ended since the board was formed with no progress report to it."""
    if reported_months is None:
        reported_months = set(board.reports.values_list("month", flat=True))
    end = min(on, board.closed_on) if board.closed_on else on
    return [month for month in _months(board.formed_on, end) if month not in reported_months]


def missing_monthly_reports(*, on: date, school_ids=None) -> list[tuple[ImprovementBoard, list[date]]]:
    """Open boards with the months they are missing a report for (two queries)."""
    boards = list(
        _in(ImprovementBoard.objects.filter(status=RecordStatus.OPEN), "school_id", school_ids)
        .select_related("school")
        .prefetch_related("reports")
    )
    found = []
    for board in boards:
        months = missing_reports(board, on=on, reported_months={r.month for r in board.reports.all()})
        if months:
            found.append((board, months))
    return found


@dataclass(frozen=True)
class Deadline:
    """One slipping deadline, for the trust overview, the dashboard and the school page."""

    school: object
    kind: str  # "REP action overdue", "Warning-notice target missed", ...
    text: str
    due_on: date | None
    url: str


def deadlines_for(*, on: date, school_ids=None) -> list[Deadline]:
    """Overdue REP actions and FREP directives, missed notice targets and missing monthly reports."""
    items = [
        Deadline(
            school=a.milestone.rep.school,
            kind="REP action overdue",
            text=f"{a.text} (owner: {a.owner})",
            due_on=a.milestone.due_on,
            url=reverse("interventions:rep_detail", args=[a.milestone.rep_id]),
        )
        for a in overdue_rep_actions(on=on, school_ids=school_ids)
    ]
    items += [
        Deadline(
            school=d.frep.school,
            kind="FREP directive not met",
            text=d.text,
            due_on=d.due_on,
            url=reverse("interventions:frep_detail", args=[d.frep_id]),
        )
        for d in overdue_frep_directives(on=on, school_ids=school_ids)
    ]
    items += [
        Deadline(
            school=t.notice.school,
            kind=f"{t.notice.get_dimension_display()} warning-notice target missed",
            text=t.text,
            due_on=t.due_on,
            url=reverse("interventions:notice_detail", args=[t.notice_id]),
        )
        for t in missed_notice_targets(on=on, school_ids=school_ids)
    ]
    for board, months in missing_monthly_reports(on=on, school_ids=school_ids):
        items += [
            Deadline(
                school=board.school,
                kind="Monthly report missing",
                text=f"No progress report to the Improvement Board for {month:%B %Y}",
                due_on=None,
                url=reverse("interventions:board_detail", args=[board.pk]),
            )
            for month in months
        ]
    return sorted(items, key=lambda d: (d.school.name, d.due_on or date.max))


def notices_due_a_vote(*, on: date, school_ids=None):
    """Open warning notices whose compliance period has ended: the panel vote is due."""
    qs = WarningNotice.objects.filter(status=RecordStatus.OPEN, period_ends_on__lte=on)
    return list(_in(qs, "school_id", school_ids).select_related("school"))


def latest_levels(*, school_ids, half_term) -> dict:
    """{(school_id, dimension): level code} of each school's latest decision up to `half_term` (one query).

    A school not yet categorised this half-term still stands where it was last placed.
    """
    latest = (
        Categorisation.objects.current()
        .filter(
            school=OuterRef("school"),
            dimension=OuterRef("dimension"),
            half_term__starts_on__lte=half_term.starts_on,
        )
        .order_by("-half_term__starts_on")
        .values("pk")[:1]
    )
    records = Categorisation.objects.filter(school_id__in=list(school_ids), pk=Subquery(latest)).values_list(
        "school_id", "dimension", "level__code"
    )
    return {(school_id, dimension): code for school_id, dimension, code in records}


def concerning_without_plan(*, school_ids, half_term) -> list[tuple[int, str]]:
    """(school id, dimension) of schools standing in Concerning with no open REP / FREP (3 queries)."""
    if half_term is None:
        return []
    levels = latest_levels(school_ids=school_ids, half_term=half_term)
    with_plan = {
        Dimension.EDUCATION: set(
            Rep.objects.filter(status=RecordStatus.OPEN).values_list("school_id", flat=True)
        ),
        Dimension.FINANCE: set(
            Frep.objects.filter(status=RecordStatus.OPEN).values_list("school_id", flat=True)
        ),
    }
    return sorted(
        (school_id, dimension)
        for (school_id, dimension), code in levels.items()
        if dimension in with_plan and code == CONCERNING and school_id not in with_plan[dimension]
    )
