"""What a pack says, read from the portal's rows once and frozen as JSON: the PDF is made from this, never
from the rows, so a pack reads the same however the rows change after it was asked for.

Each kind has its own sections (seed 002 and the board's terms of reference): the Trust Board sees the
whole picture, the E&S committee education and KPIs, the F&R committee finance and reserves. A fixed
number of queries per section, however many schools the trust has.
"""

import hashlib
import json
from datetime import date

from django.db.models import Count, Q

from audits.selectors import outstanding_actions_counts, overdue_actions_by_school, schedule_for
from categorisation.models import Categorisation, Dimension, FinanceFigures
from charts import selectors as chart_data
from interventions.models import Frep, ImprovementBoard, RecordStatus, Rep, WarningNotice
from interventions.selectors import deadlines_for
from kpis.selectors import default_academic_year, kpi_rows_by_school
from schools.models import HalfTerm, School, Trust

from .models import PackKind

SPAN = 6  # half-terms in the categories grid, as the overview's default

DIMENSIONS = {
    PackKind.TRUST_BOARD: list(Dimension),
    PackKind.EDUCATION_STANDARDS: [Dimension.EDUCATION],
    PackKind.FINANCE_RISK: [Dimension.FINANCE],
}


def _day(value: date | None) -> str:
    return f"{value:%-d %B %Y}" if value else ""


def _figure(value):
    return None if value is None else float(value)


def content_hash(content: dict) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def pack_content(*, kind: str, meeting_on: date, half_term: HalfTerm, today: date) -> dict:
    kind = PackKind(kind)
    schools = list(School.objects.order_by("name"))
    half_terms = list(
        reversed(HalfTerm.objects.filter(starts_on__lte=half_term.starts_on).order_by("-starts_on")[:SPAN])
    )
    dimensions = DIMENSIONS[kind]
    content = {
        "trust": Trust.objects.get_current().name,
        "kind": kind.value,
        "kind_label": kind.label,
        "meeting_on": _day(meeting_on),
        "half_term": half_term.label,
        "made_on": _day(today),
        "grid": _grid(schools=schools, half_terms=half_terms, dimensions=dimensions),
        "levels": chart_data.levels_by_half_term(
            schools=schools, half_terms=half_terms, dimensions=dimensions
        ),
        "moves": _moves(half_term=half_term, dimensions=dimensions),
    }
    if kind == PackKind.TRUST_BOARD:
        content["interventions"] = _open_interventions(dimensions=dimensions)
        content["deadlines"] = _deadlines(today=today)
        content["audits"] = _audit_compliance(schools=schools, today=today)
    elif kind == PackKind.EDUCATION_STANDARDS:
        content["kpis"] = _kpis(schools=schools)
        content["interventions"] = _open_interventions(dimensions=dimensions)
    else:
        content["reserves"] = chart_data.reserves_by_school(
            schools=schools, half_term=_finance_half_term(half_term)
        )
        content["interventions"] = _open_interventions(dimensions=dimensions)
    return content


def _grid(*, schools, half_terms, dimensions) -> dict:
    """Every school's current category in each dimension for each half-term of the span (one query)."""
    decided = {
        (school_id, ht_id, dimension): name
        for school_id, ht_id, dimension, name in Categorisation.objects.current()
        .filter(half_term__in=[ht.pk for ht in half_terms], dimension__in=dimensions)
        .values_list("school_id", "half_term_id", "dimension", "level__name")
    }
    return {
        "half_terms": [ht.label for ht in half_terms],
        "dimensions": [
            {
                "label": Dimension(d).label,
                "rows": [
                    {"school": s.name, "cells": [decided.get((s.pk, ht.pk, d), "") for ht in half_terms]}
                    for s in schools
                ],
            }
            for d in dimensions
        ],
    }


def _moves(*, half_term, dimensions) -> list[dict]:
    """This half-term's decisions that moved a school from its level the half-term before, with the
    rationale and, where the move went to a vote, how it was decided (two queries and one for votes)."""
    before = half_term.previous()
    previous = {}
    if before:
        previous = {
            (school_id, dimension): (position, name)
            for school_id, dimension, position, name in Categorisation.objects.current()
            .filter(half_term=before, dimension__in=dimensions)
            .values_list("school_id", "dimension", "level__position", "level__name")
        }
    decisions = (
        Categorisation.objects.current()
        .filter(half_term=half_term, dimension__in=dimensions)
        .select_related("school", "level", "decided_by", "vote")
        .annotate(
            votes_for=Count("vote__members", filter=Q(vote__members__choice="for")),
            votes_against=Count("vote__members", filter=Q(vote__members__choice="against")),
            votes_abstain=Count("vote__members", filter=Q(vote__members__choice="abstain")),
        )
        .order_by("school__name", "dimension")
    )
    moves = []
    for decision in decisions:
        position, name = previous.get((decision.school_id, decision.dimension), (None, ""))
        if position == decision.level.position:
            continue
        vote = decision.vote
        moves.append(
            {
                "school": decision.school.name,
                "dimension": decision.get_dimension_display(),
                "from": name or "not categorised",
                "to": decision.level.name,
                "direction": ""
                if position is None
                else ("down" if decision.level.position > position else "up"),
                "route": decision.get_route_display(),
                "rationale": decision.rationale,
                "decided_by": str(decision.decided_by),
                "vote": (
                    {
                        "status": vote.get_status_display(),
                        "motion": vote.motion,
                        "for": decision.votes_for,
                        "against": decision.votes_against,
                        "abstain": decision.votes_abstain,
                    }
                    if vote
                    else None
                ),
            }
        )
    return moves


def _open_interventions(*, dimensions) -> list[dict]:
    """Open REPs, FREPs, warning notices and Improvement Boards in the pack's dimensions (four queries)."""
    wanted = {Dimension(d).value for d in dimensions}
    found = []
    if Dimension.EDUCATION in wanted:
        for rep in Rep.objects.filter(status=RecordStatus.OPEN).select_related("school"):
            found.append(
                {
                    "school": rep.school.name,
                    "record": "REP",
                    "since": _day(rep.written_on),
                    "until": _day(rep.ends_on),
                }
            )
    if Dimension.FINANCE in wanted:
        for frep in Frep.objects.filter(status=RecordStatus.OPEN).select_related("school"):
            found.append(
                {
                    "school": frep.school.name,
                    "record": "Finance REP",
                    "since": _day(frep.written_on),
                    "until": "",
                }
            )
    for notice in WarningNotice.objects.filter(status=RecordStatus.OPEN, dimension__in=wanted).select_related(
        "school"
    ):
        found.append(
            {
                "school": notice.school.name,
                "record": f"{notice.get_dimension_display()} warning notice",
                "since": _day(notice.issued_on),
                "until": _day(notice.period_ends_on),
            }
        )
    for board in ImprovementBoard.objects.filter(
        status=RecordStatus.OPEN, dimension__in=wanted
    ).select_related("school"):
        found.append(
            {
                "school": board.school.name,
                "record": f"{board.get_dimension_display()} Improvement Board",
                "since": _day(board.formed_on),
                "until": "",
            }
        )
    return sorted(found, key=lambda item: (item["school"], item["record"]))


def _deadlines(*, today) -> list[dict]:
    return [
        {"school": d.school.name, "kind": d.kind, "text": d.text, "due_on": _day(d.due_on)}
        for d in deadlines_for(on=today)
    ]


def _audit_compliance(*, schools, today) -> list[dict]:
    """Per school: audits overdue and due within 30 days on the schedule, open and overdue actions."""
    school_ids = [s.pk for s in schools]
    schedule = schedule_for(schools=schools, today=today)
    outstanding = outstanding_actions_counts(school_ids=school_ids, on=today)
    overdue_actions = overdue_actions_by_school(school_ids=school_ids, on=today)
    rows = []
    for school in schools:
        states = [row.state(today) for row in schedule.get(school.pk, [])]
        rows.append(
            {
                "school": school.name,
                "audits": len(states),
                "overdue": states.count("overdue"),
                "due": states.count("due"),
                "open_actions": outstanding.get(school.pk, 0),
                "overdue_actions": overdue_actions.get(school.pk, (0, None))[0],
            }
        )
    return rows


def _kpis(*, schools) -> dict:
    """Each school's KPI rows for the year of the latest published results, against the comparator,
    with the PPG gap (disadvantaged less all pupils). Four queries, however many schools."""
    year = default_academic_year()
    rows_of = kpi_rows_by_school(schools=schools, academic_year=year) if year else {}
    rows = []
    for school in schools:
        for row in rows_of.get(school.pk, []):
            gap = None
            if row.all_pupils is not None and row.disadvantaged is not None:
                gap = float(row.disadvantaged - row.all_pupils)
            rows.append(
                {
                    "school": school.name,
                    "measure": row.measure,
                    "unit": row.unit,
                    "period": row.period,
                    "all_pupils": _figure(row.all_pupils),
                    "disadvantaged": _figure(row.disadvantaged),
                    "gap": gap,
                    "comparator": row.comparator_label,
                    "comparator_all_pupils": _figure(row.comparator_value),
                    "comparator_disadvantaged": _figure(row.disadvantaged_comparator_value),
                    "small_cohort": row.small_cohort,
                }
            )
    return {"year": year.name if year else "", "rows": rows}


def _finance_half_term(half_term):
    """The half-term of the latest finance figures at or before the pack's half-term."""
    latest = (
        FinanceFigures.objects.filter(half_term__starts_on__lte=half_term.starts_on)
        .select_related("half_term")
        .order_by("-half_term__starts_on")
        .first()
    )
    return latest.half_term if latest else half_term
