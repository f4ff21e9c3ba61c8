"""The figures each chart draws, read in a fixed number of queries and returned as plain JSON-able data,
so that a page draws them live and a board pack freezes them in its content and draws them later."""

from categorisation.models import Categorisation, Dimension, FinanceFigures, Level
from kpis.measures import ORDER, RULES, applies_to
from kpis.models import Comparator, KpiResult
from kpis.models.results import NATIONAL
from schools.models import AcademicYear, HalfTerm, Trust

# Reserves as a percentage of GAG: below 3% is a finance concern, 5% the trust's healthy level (seed 002).
RESERVES_THRESHOLDS = (3, 5)


def _figure(value):
    return None if value is None else float(value)


def kpi_trends(*, school) -> list[dict]:
    """Per measure the school has results for: its figures and the comparator's by academic year, oldest
    first (attendance: the latest year-to-date figure of each year). Four queries."""
    local_authority = Trust.objects.get_current().comparator_local_authority
    results = list(KpiResult.objects.filter(school=school).order_by("half_term__starts_on"))
    if not results:
        return []
    year_ids = {r.academic_year_id for r in results}
    years = list(AcademicYear.objects.filter(pk__in=year_ids).order_by("starts_on"))
    comparators = {}
    for comparator in Comparator.objects.filter(
        academic_year_id__in=year_ids, area__in=[local_authority, NATIONAL], phase__in=["", school.phase]
    ).order_by("-phase"):
        side = "national" if comparator.is_national else "la"
        comparators.setdefault((comparator.measure, comparator.academic_year_id), {}).setdefault(
            side, comparator
        )
    latest = {(r.measure, r.academic_year_id): r for r in results}  # later attendance overwrites earlier
    trends = []
    for measure in ORDER:
        if not applies_to(measure, school.phase) or not any(m == measure for m, _ in latest):
            continue
        rows = []
        for year in years:
            result = latest.get((measure.value, year.pk))
            found = comparators.get((measure.value, year.pk), {})
            shown = found.get("la") if found.get("la") is not None else found.get("national")
            rows.append(
                {
                    "year": year.name,
                    "all_pupils": _figure(result.all_pupils) if result else None,
                    "disadvantaged": _figure(result.disadvantaged) if result else None,
                    "comparator": shown.label if shown else "",
                    "comparator_all_pupils": _figure(shown.all_pupils) if shown else None,
                    "comparator_disadvantaged": _figure(shown.disadvantaged) if shown else None,
                }
            )
        trends.append(
            {"measure": measure.value, "label": measure.label, "unit": RULES[measure].unit, "years": rows}
        )
    return trends


def ladder_levels() -> dict[str, list[dict]]:
    """{dimension: [{"name", "code", "colour", "position"}]} of the active ladder, best first; one query."""
    found = {}
    for level in Level.objects.active().order_by("dimension", "position"):
        found.setdefault(level.dimension, []).append(
            {"name": level.name, "code": level.code, "colour": level.colour, "position": level.position}
        )
    return found


def categories_over_time(*, school, half_terms) -> dict:
    """The school's current category in each dimension for each half-term: positions on the ladder and
    level names, oldest half-term first. Two queries."""
    levels = ladder_levels()
    decided = {
        (ht_id, dimension): (position, name)
        for ht_id, dimension, position, name in Categorisation.objects.current()
        .filter(school=school, half_term__in=[ht.pk for ht in half_terms])
        .values_list("half_term_id", "dimension", "level__position", "level__name")
    }
    return {
        "school": school.name,
        "half_terms": [ht.label for ht in half_terms],
        "dimensions": [
            {
                "label": dimension.label,
                "levels": [level["name"] for level in levels.get(dimension.value, [])],
                "positions": [decided.get((ht.pk, dimension.value), (None, ""))[0] for ht in half_terms],
                "names": [decided.get((ht.pk, dimension.value), (None, ""))[1] for ht in half_terms],
            }
            for dimension in Dimension
            if levels.get(dimension.value)
        ],
    }


def levels_by_half_term(*, schools, half_terms, dimensions, school_count: int | None = None) -> list[dict]:
    """For each dimension (of those given, in the ladder's order): how many of `schools` (a queryset or a
    list) sat at each level in each half-term, and how many were not decided. Two queries, and one more
    to count a queryset of schools unless `school_count` is given."""
    ladder = ladder_levels()
    school_ids = [s.pk for s in schools] if isinstance(schools, list) else schools.values("pk")
    if school_count is None:
        school_count = len(schools) if isinstance(schools, list) else schools.count()
    counts = {}
    for ht_id, dimension, code in (
        Categorisation.objects.current()
        .filter(school__in=school_ids, half_term__in=[ht.pk for ht in half_terms], dimension__in=dimensions)
        .values_list("half_term_id", "dimension", "level__code")
    ):
        counts[(ht_id, dimension, code)] = counts.get((ht_id, dimension, code), 0) + 1
    found = []
    for dimension, levels in ladder.items():
        if dimension not in dimensions:
            continue
        rows = [
            {
                "name": level["name"],
                "colour": level["colour"],
                "counts": [counts.get((ht.pk, dimension, level["code"]), 0) for ht in half_terms],
            }
            for level in levels
        ]
        decided = [sum(row["counts"][n] for row in rows) for n in range(len(half_terms))]
        found.append(
            {
                "dimension": Dimension(dimension).label,
                "half_terms": [ht.label for ht in half_terms],
                "levels": rows,
                "not_decided": [school_count - n for n in decided],
            }
        )
    return found


def reserves_by_school(*, schools, half_term: HalfTerm) -> dict:
    """Each school's reserves as a percentage of its GAG in the half-term (None if no figures), with the
    outturn and carry-forward against target. One query."""
    figures = {
        f.school_id: f
        for f in FinanceFigures.objects.filter(school__in=[s.pk for s in schools], half_term=half_term)
    }
    rows = []
    for school in schools:
        found = figures.get(school.pk)
        rows.append(
            {
                "school": school.name,
                "percent": _figure(found.reserves_percent_of_gag) if found else None,
                "reserves": _figure(found.reserves) if found else None,
                "gag": _figure(found.gag) if found else None,
                "outturn": _figure(found.predicted_in_year_outturn) if found else None,
                "carry_forward": _figure(found.predicted_carry_forward) if found else None,
                "carry_forward_target": _figure(found.carry_forward_target) if found else None,
            }
        )
    return {"half_term": half_term.label, "thresholds": list(RESERVES_THRESHOLDS), "schools": rows}
