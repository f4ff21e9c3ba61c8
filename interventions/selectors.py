"""Reads: open records, the deadlines that are slipping, and the history of a school's interventions."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Max, Q
from django.urls import reverse

from categorisation.models import Categorisation, Dimension, Level, Record
from schools.models import HalfTerm, School

from .models import (
    ActionStatus,
    Frep,
    FrepDirective,
    ImprovementBoard,
    NoticeTarget,
    RecordStatus,
    Rep,
    RepAction,
    TargetStatus,
    WarningNotice,
)


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
    """Overdue REP actions and FREP directives, missed notice targets, REPs and FREPs past their end date,
    overdue SDPs, records a school's level needs and does not have, and missing monthly reports.

    A fixed number of queries whatever the number of schools."""
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
    items += _late_plans(on=on, school_ids=school_ids)
    items += _missing_record_deadlines(on=on, school_ids=school_ids)
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


def _late_plans(*, on: date, school_ids) -> list[Deadline]:
    """Open REPs and FREPs past their end date, and REPs whose reviewed SDP is overdue (two queries)."""
    items = []
    reps = _in(Rep.objects.filter(status=RecordStatus.OPEN), "school_id", school_ids).select_related("school")
    for rep in reps.filter(Q(ends_on__lt=on) | Q(sdp_expected_on__lt=on, sdp_received_on__isnull=True)):
        url = reverse("interventions:rep_detail", args=[rep.pk])
        if rep.ends_on < on:
            items.append(
                Deadline(rep.school, "REP past its end date", "The REP is still open", rep.ends_on, url)
            )
        if rep.sdp_expected_on and rep.sdp_expected_on < on and rep.sdp_received_on is None:
            text = "The reviewed School Development Plan has not arrived"
            items.append(Deadline(rep.school, "SDP overdue", text, rep.sdp_expected_on, url))
    # A FREP has no end date of its own: it runs until its last directive's deadline.
    freps = (
        _in(Frep.objects.filter(status=RecordStatus.OPEN), "school_id", school_ids)
        .annotate(ends_on=Max("directives__due_on"))
        .filter(ends_on__lt=on)
        .select_related("school")
    )
    for frep in freps:
        url = reverse("interventions:frep_detail", args=[frep.pk])
        text = "The Finance REP is still open after its last deadline"
        items.append(Deadline(frep.school, "FREP past its end date", text, frep.ends_on, url))
    return items


def _missing_record_deadlines(*, on: date, school_ids) -> list[Deadline]:
    missing = missing_records(school_ids=school_ids, half_term=HalfTerm.objects.current(on))
    schools = School.objects.in_bulk({m.school_id for m in missing})
    items = []
    for m in missing:
        school = schools[m.school_id]
        args = [school.urn] if m.level.record == Record.PLAN else [school.urn, m.dimension]
        items.append(
            Deadline(
                school=school,
                kind="Required record missing",
                text=f"{m.dimension_label} {m.level.name} without {m.record_name}",
                due_on=None,
                url=reverse(m.create_url_name, args=args),
            )
        )
    return items


def notices_due_a_vote(*, on: date, school_ids=None):
    """Open warning notices whose compliance period has ended: the panel vote is due."""
    qs = WarningNotice.objects.filter(status=RecordStatus.OPEN, period_ends_on__lte=on)
    return list(_in(qs, "school_id", school_ids).select_related("school"))


def latest_levels(*, school_ids, half_term) -> dict:
    """{(school_id, dimension): Level} of each school's latest decision up to `half_term` (two queries).

    A school not yet categorised this half-term still stands where it was last placed. `school_ids`
    None means every school. The latest is picked here from the rows in order: a per-row subquery grew
    with the square of the trust's history.
    """
    rows = _in(
        Categorisation.objects.current().filter(half_term__starts_on__lte=half_term.starts_on),
        "school_id",
        school_ids,
    ).order_by("school_id", "dimension", "-half_term__starts_on")
    latest = {}
    for school_id, dimension, level_id in rows.values_list("school_id", "dimension", "level_id"):
        latest.setdefault((school_id, dimension), level_id)
    levels = Level.objects.in_bulk(set(latest.values()))
    return {key: levels[level_id] for key, level_id in latest.items()}


@dataclass(frozen=True)
class MissingRecord:
    """A school standing at a level without the record that level brings (a plan, a notice, a board)."""

    school_id: int
    dimension: str
    level: object
    record_name: str
    create_url_name: str

    @property
    def dimension_label(self):
        return Dimension(self.dimension).label


RECORD_NAMES = {
    (Record.PLAN, Dimension.EDUCATION): ("a REP", "interventions:rep_create"),
    (Record.PLAN, Dimension.FINANCE): ("a Finance REP", "interventions:frep_create"),
    (Record.NOTICE, Dimension.EDUCATION): ("a warning notice", "interventions:notice_create"),
    (Record.NOTICE, Dimension.FINANCE): ("a warning notice", "interventions:notice_create"),
    (Record.TAKEOVER, Dimension.EDUCATION): ("an Improvement Board", "interventions:board_create"),
    (Record.TAKEOVER, Dimension.FINANCE): ("an Improvement Board", "interventions:board_create"),
}


def _open_school_ids(model, school_ids, dimension_field=None) -> dict:
    rows = _in(model.objects.filter(status=RecordStatus.OPEN), "school_id", school_ids)
    if dimension_field is None:
        return {"school_ids": set(rows.values_list("school_id", flat=True))}
    found = {}
    for school_id, dimension in rows.values_list("school_id", dimension_field):
        found.setdefault(dimension, set()).add(school_id)
    return found


def missing_records(*, school_ids, half_term) -> list[MissingRecord]:
    """Schools at a level of the loaded ladder without that level's open record (five queries)."""
    if half_term is None:
        return []
    levels = latest_levels(school_ids=school_ids, half_term=half_term)
    notices = _open_school_ids(WarningNotice, school_ids, "dimension")
    boards = _open_school_ids(ImprovementBoard, school_ids, "dimension")
    have = {
        (Record.PLAN, Dimension.EDUCATION): _open_school_ids(Rep, school_ids)["school_ids"],
        (Record.PLAN, Dimension.FINANCE): _open_school_ids(Frep, school_ids)["school_ids"],
    }
    for dimension in (Dimension.EDUCATION, Dimension.FINANCE):
        have[(Record.NOTICE, dimension)] = notices.get(dimension, set())
        have[(Record.TAKEOVER, dimension)] = boards.get(dimension, set())
    found = []
    for (school_id, dimension), level in sorted(levels.items(), key=lambda item: item[0]):
        key = (level.record, dimension)
        if key in have and school_id not in have[key]:
            name, url_name = RECORD_NAMES[key]
            found.append(MissingRecord(school_id, dimension, level, name, url_name))
    return found


def concerning_without_plan(*, school_ids, half_term) -> list[tuple[int, str]]:
    """(school id, dimension) of schools at the ladder's plan level with no open REP / FREP."""
    return [
        (m.school_id, m.dimension)
        for m in missing_records(school_ids=school_ids, half_term=half_term)
        if m.level.record == Record.PLAN
    ]
