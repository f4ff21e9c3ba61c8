"""What every KPI-app import shares: the year and half-term parsers, and the plan of what a file will do.

A file is read in two steps. `trust_portal.tabular.read_rows` checks each cell; then the import's spec
`resolve`s the records against the database (URNs, years, phases, duplicates), naming row and column for
every problem. `plan` compares each row with what is stored: added, changed (and how) or unchanged. The
preview shows the plan; the service recomputes it under lock and saves it.
"""

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from schools.models import AcademicYear, HalfTerm, HalfTermNumber, School
from trust_portal.tabular import CellError, decimal, whole_number

ADDED, CHANGED, UNCHANGED = "added", "changed", "unchanged"

HALF_TERM_NAMES = {
    "aut 1": HalfTermNumber.AUTUMN_1,
    "autumn 1": HalfTermNumber.AUTUMN_1,
    "aut 2": HalfTermNumber.AUTUMN_2,
    "autumn 2": HalfTermNumber.AUTUMN_2,
    "spr 1": HalfTermNumber.SPRING_1,
    "spring 1": HalfTermNumber.SPRING_1,
    "spr 2": HalfTermNumber.SPRING_2,
    "spring 2": HalfTermNumber.SPRING_2,
    "sum 1": HalfTermNumber.SUMMER_1,
    "summer 1": HalfTermNumber.SUMMER_1,
    "sum 2": HalfTermNumber.SUMMER_2,
    "summer 2": HalfTermNumber.SUMMER_2,
}
_YEAR = re.compile(r"^(\d{4})\s*[-/]\s*(\d{2})$")
_HALF_TERM = re.compile(r"^([a-z]+)\s*([12])[\s,]+(\d{4}\s*[-/]\s*\d{2})$")


def academic_year_name(value) -> int:
    """`2025-26` (or 2025/26) -> 2025, the year it starts."""
    match = _YEAR.match(str(value).strip())
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        raise CellError(f"'{value}' is not an academic year like 2025-26")
    return int(match[1])


def half_term_number(value) -> int:
    """`Aut 2` or `Autumn 2` -> 2."""
    cleaned = re.sub(r"\s+", " ", re.sub(r"(\d)", r" \1", str(value).strip().lower())).strip()
    try:
        return HALF_TERM_NAMES[cleaned]
    except KeyError:
        raise CellError(
            f"'{value}' is not a half-term: write Aut 1, Aut 2, Spr 1, Spr 2, Sum 1 or Sum 2"
        ) from None


def half_term_in_year(value) -> tuple[int, int]:
    """`Aut 2 2025-26` -> (2, 2025): the half-term number and the year the academic year starts."""
    match = _HALF_TERM.match(str(value).strip().lower())
    if not match:
        raise CellError(f"'{value}' is not a half-term like Aut 2 2025-26")
    return half_term_number(f"{match[1]} {match[2]}"), academic_year_name(match[3])


def pupil_count(value) -> int:
    number = whole_number(value)
    if number < 0:
        raise CellError(f"{number} cannot be negative")
    return number


def one_decimal_place(value) -> Decimal:
    """Figures are kept to one decimal place, as the DfE publishes them."""
    return decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def row_error(row, column, message):
    return f"Row {row}, column '{column}': {message}."


def by_row(errors, columns=()):
    """Errors in the order of the file: by row, then by column (cell and cross-row checks interleaved)."""
    position = {column.name: index for index, column in enumerate(columns)}

    def order(error):
        row = re.match(r"Row (\d+)", error)
        column = re.search(r"column '([^']*)'", error)
        return (int(row[1]) if row else 0, position.get(column[1], -1) if column else -1)

    return sorted(errors, key=order)


@dataclass
class Item:
    """One row of a file, resolved: what it identifies (`lookup`) and the figures it sets (`values`)."""

    row: int
    lookup: dict
    values: dict
    description: str
    flags: list = field(default_factory=list)

    @property
    def key(self):
        return tuple((name, getattr(value, "pk", value)) for name, value in sorted(self.lookup.items()))


@dataclass
class PlannedRow:
    item: Item
    action: str
    changes: list = field(default_factory=list)  # "All pupils: 70.0 -> 72.0"


@dataclass
class ImportPlan:
    rows: list

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    @property
    def summary(self):
        return f"{self.count(ADDED)} added, {self.count(CHANGED)} changed, {self.count(UNCHANGED)} unchanged"


def _shown(value):
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return "blank" if value is None or value == "" else str(value)


class ImportSpec:
    """One kind of import. Subclasses give `columns`, `model`, `value_fields` and `resolve_record`."""

    columns: list = []
    model = None
    value_fields: dict = {}  # model field -> label used in the preview

    def resolve_record(self, record, context, errors):
        """An `Item` for a parsed record, or None; appends row-and-column errors."""
        raise NotImplementedError

    def context(self, records):
        """Whatever the records refer to, loaded once (schools by URN, years by start year, half-terms)."""
        urns = {r["urn"] for r in records if r.get("urn")}
        half_terms = HalfTerm.objects.select_related("academic_year")
        return {
            "schools": {s.urn: s for s in School.objects.filter(urn__in=urns)},
            "years": {year.starts_on.year: year for year in AcademicYear.objects.all()},
            "half_terms": {(h.academic_year.starts_on.year, h.number): h for h in half_terms},
        }

    def resolve(self, records):
        """(items, errors) for parsed records; a row appearing twice in the file is an error."""
        context = self.context(records)
        items, errors, seen = [], [], {}
        for record in records:
            item = self.resolve_record(record, context, errors)
            if item is None:
                continue
            if item.key in seen:
                errors.append(
                    f"Row {item.row}: {item.description} is also on row {seen[item.key]}; keep one of them."
                )
                continue
            seen[item.key] = item.row
            items.append(item)
        return items, errors

    def existing(self, items, *, lock=False):
        """The stored rows the items identify, by key; one query (a superset, matched in Python)."""
        queryset = self.model.objects.all()
        if lock:
            queryset = queryset.select_for_update()
        names = sorted({name for item in items for name in item.lookup})
        for name in names:
            wanted = {item.lookup[name] for item in items}
            if None not in wanted:  # a field that may be empty (attendance's half-term) is matched below
                queryset = queryset.filter(**{f"{name}__in": wanted})
        attnames = [self.model._meta.get_field(name).attname for name in names]
        return {
            tuple((name, getattr(obj, attname)) for name, attname in zip(names, attnames, strict=True)): obj
            for obj in queryset
        }

    def plan(self, items, existing) -> ImportPlan:
        rows = []
        for item in items:
            obj = existing.get(item.key)
            if obj is None:
                rows.append(PlannedRow(item, ADDED))
                continue
            changes = [
                f"{label}: {_shown(getattr(obj, name))} -> {_shown(item.values[name])}"
                for name, label in self.value_fields.items()
                if getattr(obj, name) != item.values[name]
            ]
            rows.append(PlannedRow(item, CHANGED if changes else UNCHANGED, changes))
        return ImportPlan(rows)

    def save(self, planned: PlannedRow, obj, *, by, now, source):
        """Write one added or changed row."""
        raise NotImplementedError
