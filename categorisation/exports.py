"""The categorisation lists as tables for a spreadsheet: the overview grid, and a half-term's decisions with
their votes. Each returns (headers, rows); the views hand them to `trust_portal.tabular.spreadsheet_response`.
A fixed number of queries whatever the number of schools."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from .models import Categorisation, Characteristic, Choice, Dimension, Vote
from .overview import GRID_DIMENSIONS


def overview_table(*, rows, half_terms) -> tuple[list, list]:
    """One row per school: its level in each dimension of each half-term, oldest first, as the grid shows."""
    headers = [
        "URN",
        "School",
        "Phase",
        *(f"{ht.label} {Dimension(d).label}" for ht in half_terms for d in GRID_DIMENSIONS),
        "Moved in the last half-term",
    ]
    table = []
    for row in rows:
        levels = [
            cell.levels[d].name if cell.levels.get(d) else "Not decided"
            for cell in row.cells
            for d in GRID_DIMENSIONS
        ]
        table.append(
            [
                row.school.urn,
                row.school.name,
                row.school.get_phase_display(),
                *levels,
                "Yes" if row.moved else "No",
            ]
        )
    return headers, table


DECISION_HEADERS = [
    "URN",
    "School",
    "Dimension",
    "Level before",
    "Level",
    "What the level means",
    "Decided by route",
    "Rationale",
    "Characteristics ticked",
    "Decided by",
    "Decided at",
    "Revision",
    "Correction reason",
    "Locked (letter issued)",
    # The vote a move went to, if any; a vote not (yet) decided has a row of its own.
    "Vote",
    "Vote status",
    "Motion",
    "Proposed level",
    "For",
    "Against",
    "Abstain",
    "Stepped aside",
    "Not voted",
    "Vote closes on",
    "Vote closed at",
    "Vote outcome",
]


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else None


def _vote_cells(vote) -> list:
    if vote is None:
        return [""] * 12
    return [
        f"Vote {vote.pk}",
        vote.get_status_display(),
        vote.motion,
        vote.proposed_level.name,
        vote.count_for,
        vote.count_against,
        vote.count_abstain,
        vote.count_aside,
        vote.count_members - vote.count_for - vote.count_against - vote.count_abstain - vote.count_aside,
        vote.closes_on,
        _when(vote.closed_at),
        vote.outcome_note,
    ]


def _votes(*, school_ids, half_term, dimensions):
    members = Q(members__stepped_aside_at__isnull=True)
    return {
        vote.pk: vote
        for vote in Vote.objects.filter(school_id__in=school_ids, half_term=half_term)
        .filter(dimension__in=dimensions)
        .select_related("proposed_level", "from_level")
        .annotate(
            count_members=Count("members"),
            count_for=Count("members", filter=members & Q(members__choice=Choice.FOR)),
            count_against=Count("members", filter=members & Q(members__choice=Choice.AGAINST)),
            count_abstain=Count("members", filter=members & Q(members__choice=Choice.ABSTAIN)),
            count_aside=Count("members", filter=Q(members__stepped_aside_at__isnull=False)),
        )
        .order_by("opened_at", "pk")
    }


def decisions_table(*, schools, half_term, dimensions=None) -> tuple[list, list]:
    """One row per school and dimension for the half-term (decided or not), beside the level the half-term
    before; then each vote of the half-term that no decision rests on (open, not carried, withdrawn)."""
    dimensions = list(dimensions or Dimension.values)
    schools = list(schools)
    ids = [school.pk for school in schools]
    before = half_term.previous()
    records = (
        Categorisation.objects.current()
        .filter(school_id__in=ids, dimension__in=dimensions)
        .filter(Q(half_term=half_term) | Q(half_term=before) if before else Q(half_term=half_term))
        .select_related("level", "decided_by")
        .prefetch_related(Prefetch("characteristics", queryset=Characteristic.objects.order_by("order")))
    )
    now, earlier = {}, {}
    for record in records:
        found = now if record.half_term_id == half_term.pk else earlier
        found[(record.school_id, record.dimension)] = record
    votes = _votes(school_ids=ids, half_term=half_term, dimensions=dimensions)
    table, used = [], set()
    for school in schools:
        for dimension in dimensions:
            record = now.get((school.pk, dimension))
            previous = earlier.get((school.pk, dimension))
            vote = votes.get(record.vote_id) if record and record.vote_id else None
            used.add(vote.pk if vote else None)
            table.append(
                [
                    school.urn,
                    school.name,
                    Dimension(dimension).label,
                    previous.level.name if previous else "",
                    record.level.name if record else "Not decided",
                    record.level.label if record else "",
                    record.get_route_display() if record else "",
                    record.rationale if record else "",
                    "; ".join(c.text for c in record.characteristics.all()) if record else "",
                    str(record.decided_by) if record else "",
                    _when(record.decided_at) if record else None,
                    record.revision if record else None,
                    record.correction_reason if record else "",
                    ("Yes" if record.is_locked else "No") if record else "",
                    *_vote_cells(vote),
                ]
            )
    by_school = {school.pk: school for school in schools}
    for vote in votes.values():
        if vote.pk in used:
            continue
        school = by_school[vote.school_id]
        table.append(
            [
                school.urn,
                school.name,
                vote.get_dimension_display(),
                vote.from_level.name,
                "",
                "",
                vote.get_route_display(),
                *[""] * 3,
                None,
                None,
                "",
                "",
                *_vote_cells(vote),
            ]
        )
    return DECISION_HEADERS, table
