"""The trust overview: schools by half-term, each cell the school's education, finance and site & H&S
categories.

A fixed number of queries whatever the number of schools and half-terms: the half-terms, the levels, the
schools and one query for every current decision in the span.
"""

from dataclasses import dataclass, field

from schools.models import HalfTerm, School

from .models import Categorisation, Dimension, Level

GRID_DIMENSIONS = (Dimension.EDUCATION, Dimension.FINANCE, Dimension.SITE)
NOT_DECIDED = ""  # the count key for schools not yet categorised in the half-term


@dataclass
class Cell:
    half_term: HalfTerm
    levels: dict  # dimension -> Level | None
    moves: dict  # dimension -> "up" / "down" / None, against the half-term before


@dataclass
class Row:
    school: School
    cells: list
    latest: dict = field(default_factory=dict)  # dimension -> Level | None in the chosen half-term

    @property
    def moved(self):
        return any(self.cells[-1].moves.values()) if self.cells else False


def half_terms_ending(half_term, span):
    """Up to `span` half-terms, oldest first, ending with `half_term`."""
    earlier = HalfTerm.objects.filter(starts_on__lte=half_term.starts_on).order_by("-starts_on")[:span]
    return list(reversed(earlier))


def overview_rows(*, schools, half_terms, phase="", category="", moved=False) -> tuple[list, dict]:
    """Rows for the grid (filtered), and counts per dimension and level code in the last half-term."""
    levels = {level.pk: level for level in Level.objects.all()}
    schools = list(schools.filter(phase=phase) if phase else schools)
    # One extra half-term before the span, so the first column shows its movement too.
    before = half_terms[0].previous() if half_terms else None
    span_ids = [ht.pk for ht in half_terms] + ([before.pk] if before else [])
    decided = {}
    for school_id, half_term_id, dimension, level_id in (
        Categorisation.objects.current()
        .filter(school__in=[s.pk for s in schools], half_term__in=span_ids)
        .values_list("school_id", "half_term_id", "dimension", "level_id")
    ):
        decided[(school_id, half_term_id, dimension)] = levels[level_id]
    rows, counts = [], {dimension: {} for dimension in GRID_DIMENSIONS}
    for school in schools:
        cells, previous_id = [], before.pk if before else None
        for half_term in half_terms:
            here = {d: decided.get((school.pk, half_term.pk, d)) for d in GRID_DIMENSIONS}
            moves = {d: _move(decided.get((school.pk, previous_id, d)), here[d]) for d in GRID_DIMENSIONS}
            cells.append(Cell(half_term=half_term, levels=here, moves=moves))
            previous_id = half_term.pk
        row = Row(school=school, cells=cells, latest=cells[-1].levels if cells else {})
        if category and not any(level and level.code == category for level in row.latest.values()):
            continue
        if moved and not row.moved:
            continue
        rows.append(row)
        for dimension, level in row.latest.items():
            key = level.code if level is not None else NOT_DECIDED
            counts[dimension][key] = counts[dimension].get(key, 0) + 1
    return rows, counts


def _move(before, now):
    if before is None or now is None or before.position == now.position:
        return None
    return "down" if now.position > before.position else "up"
