"""The CEO's half-term screen: every school's row (last half-term, this one, the evidence) and saving the
whole screen as one action, school by school, so a refused move does not lose the others."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from .evidence import evidence_for
from .models import Categorisation, Characteristic, Dimension, Level
from .selectors import active_levels
from .services import DecisionRequest, categorisations_decide_many


@dataclass
class Suggestion:
    text: str
    holds: bool
    level_name: str  # the level whose characteristic the evidence is about


@dataclass
class Decision:
    dimension: str
    levels: list
    previous: object = None  # the half-term before's category (a Decided)
    current: object = None  # this half-term's current category (a Decided)
    level_pk: str = ""  # what the control shows (or what was typed)
    rationale: str = ""
    characteristics: list = field(default_factory=list)  # the dimension's characteristics, best level first
    ticked: set = field(default_factory=set)  # the pks (as text) ticked
    error: str = ""
    suggestions: list = field(default_factory=list)
    shown: bool = False  # the characteristics were on the page when it was posted

    @property
    def label(self):
        return Dimension(self.dimension).label


@dataclass
class SchoolRow:
    school: object
    decisions: list
    correction: str = ""
    expanded: bool = True  # the evidence, rationale and characteristics are in the page
    html: str = ""  # a compact row's markup, written in Python (screen_html.compact_rows_html)

    @property
    def locked(self):
        return any(d.current is not None and d.current.is_locked for d in self.decisions)

    @property
    def errors(self):
        return [d for d in self.decisions if d.error]


def screen_rows(*, schools, half_term, dimensions=None, data=None, expanded=None) -> list[SchoolRow]:
    """One row per school, with the dimensions asked for (all by default); `data` (the POST) refills what
    was typed. Only the `expanded` schools (a set of pks; all when None) carry the evidence and the
    characteristics: the others are compact rows, expanded on the page on request."""
    # The categorisations are read for the schools' query itself (a subquery), not for a list of their
    # pks: 120 parameters cost more to prepare than the rows they find.
    which = schools.values("pk") if isinstance(schools, QuerySet) else None
    schools = list(schools)
    ids = [school.pk for school in schools]
    which = ids if which is None else which
    expanded_ids = set(ids) if expanded is None else set(expanded) & set(ids)
    levels = {d: lv for d, lv in active_levels().items() if dimensions is None or d in dimensions}
    previous_ht = half_term.previous()
    before = _decided(which, previous_ht) if previous_ht else {}
    now = _decided(which, half_term)
    evidence, characteristics = {}, []
    if expanded_ids:
        evidence = evidence_for(school_ids=expanded_ids, half_term=half_term)
        characteristics = list(
            Characteristic.objects.filter(level__ladder__is_active=True)
            .select_related("level")
            .order_by("level__dimension", "level__position", "order")
        )
    level_of_code = {c.code: (c.level.dimension, c.level.name) for c in characteristics}
    rows = []
    for school in schools:
        decisions = []
        for dimension, dimension_levels in levels.items():
            previous, current = before.get((school.pk, dimension)), now.get((school.pk, dimension))
            shown = current or previous
            decision = Decision(
                dimension=dimension,
                levels=dimension_levels,
                previous=previous,
                current=current,
                level_pk=str(shown.level_id) if shown else "",
            )
            if school.pk in expanded_ids:
                decision.characteristics = [c for c in characteristics if c.level.dimension == dimension]
            for item in evidence.get(school.pk, []):
                if item.dimension == dimension and item.code in level_of_code:
                    decision.suggestions.append(
                        Suggestion(item.text, item.holds, level_of_code[item.code][1])
                    )
            if data is not None:
                decision.level_pk = data.get(field_name(school, dimension, "level"), "")
                decision.rationale = data.get(field_name(school, dimension, "rationale"), "")
                decision.ticked = set(data.getlist(field_name(school, dimension, "characteristics")))
                decision.shown = bool(data.get(field_name(school, dimension, "shown")))
            decisions.append(decision)
        row = SchoolRow(school=school, decisions=decisions, expanded=school.pk in expanded_ids)
        if data is not None:
            row.correction = data.get(f"{school.pk}-correction", "")
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Decided:
    """What the screen shows of a school's current category for a half-term: its level, and whether its
    letter went out (the rest of the Categorisation is not read)."""

    level: object  # the Level, shared between the rows
    locked_at: object = None

    @property
    def level_id(self):
        return self.level.pk

    @property
    def is_locked(self):
        return self.locked_at is not None


def _decided(school_ids, half_term) -> dict:
    """{(school_id, dimension): Decided} current for the half-term (`school_ids`: pks, or a query of them):
    four columns a row and the levels shared, so 120 schools stay quick to read."""
    levels = {level.pk: level for level in Level.objects.all()}
    records = (
        Categorisation.objects.current()
        .filter(school_id__in=school_ids, half_term=half_term)
        .values_list("school_id", "dimension", "level_id", "locked_at")
    )
    return {
        (school_id, dimension): Decided(levels[level_id], locked_at)
        for school_id, dimension, level_id, locked_at in records
    }


def field_name(school, dimension, part):
    return f"{school.pk}-{dimension}-{part}"


def typed_school_ids(*, data) -> set[int]:
    """The schools whose expanded part was on the page when the screen was posted (their rationale,
    characteristics or correction were shown, so what was typed there must come back if refused)."""
    ids = set()
    for name in data:
        head, _, rest = name.partition("-")
        if head.isdigit() and (rest.endswith("-shown") or rest == "correction"):
            ids.add(int(head))
    return ids


def screen_save(*, rows, half_term, by) -> int:
    """Apply the screen's decisions through the bulk decision service; record refusals on the rows.
    Returns how many decisions changed (an unchanged decision writes nothing)."""
    asked = []
    for row in rows:
        for decision in row.decisions:
            if not decision.level_pk:
                continue
            level = next((lv for lv in decision.levels if str(lv.pk) == decision.level_pk), None)
            ticked = {int(pk) for pk in decision.ticked if pk.isdigit()}
            if level is None or len(ticked) != len(decision.ticked):
                decision.error = f"Choose a {decision.label.lower()} category from the list."
                continue
            request = DecisionRequest(
                school=row.school,
                level=level,
                rationale=decision.rationale,
                characteristic_ids=ticked if decision.shown else None,
                correction_reason=row.correction,
            )
            asked.append((decision, request))
    made = categorisations_decide_many(half_term=half_term, requests=[r for _, r in asked], by=by)
    for decision, request in asked:
        decision.error = request.error
    return len(made)
