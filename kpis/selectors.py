"""Reads of KPI results: the rows a CEO letter shows, a school's KPI page and the trust-wide table.

Each read runs a fixed number of queries, however many schools, measures or years there are.
"""

from dataclasses import dataclass
from decimal import Decimal

from kpis.measures import ORDER, RULES, Measure, applies_to, is_small
from kpis.models import Comparator, KpiResult
from kpis.models.results import NATIONAL
from schools.models import AcademicYear, HalfTerm, School, Trust


@dataclass(frozen=True)
class ComparatorFigures:
    label: str  # "Essex" or "National 2024"
    all_pupils: Decimal | None
    disadvantaged: Decimal | None


@dataclass(frozen=True)
class KpiRow:
    """One line of the CEO letter's KPI block. Figures are None when not recorded."""

    measure: str  # the label, e.g. "KS2 reading, writing and maths combined (expected standard)"
    code: str  # the `Measure` value
    unit: str  # "%" or "score"
    period: str  # the academic year ("2024-25") or, for attendance, the half-term it runs to ("Aut 2, 2025")
    all_pupils: Decimal | None
    disadvantaged: Decimal | None  # pupils eligible for the pupil premium grant (PPG)
    cohort: int | None
    disadvantaged_cohort: int | None
    # The comparator the letter prints: the trust's local authority when it has a figure, else national.
    comparator_label: str
    comparator_value: Decimal | None
    disadvantaged_comparator_value: Decimal | None
    local_authority: ComparatorFigures | None
    national: ComparatorFigures | None
    all_pupils_small_cohort: bool
    disadvantaged_small_cohort: bool

    @property
    def small_cohort(self) -> bool:
        """A figure on this row is about fewer than `SMALL_COHORT_BELOW` pupils and may identify them."""
        return self.all_pupils_small_cohort or self.disadvantaged_small_cohort


def _figures(comparator):
    if comparator is None:
        return None
    return ComparatorFigures(comparator.label, comparator.all_pupils, comparator.disadvantaged)


def _comparators_by_phase(*, academic_year_ids, local_authority, phases):
    """phase -> {(measure, academic year id) -> {"la": Comparator, "national": Comparator}}; one query.

    A figure for the school's own phase wins over the all-schools figure.
    """
    found = {phase: {} for phase in phases}
    comparators = Comparator.objects.filter(
        academic_year_id__in=academic_year_ids,
        area__in=[local_authority, NATIONAL],
        phase__in=["", *phases],
    ).order_by("-phase")  # blank last, so the phase's own figure is kept
    for comparator in comparators:
        side = "national" if comparator.is_national else "la"
        for phase in [comparator.phase] if comparator.phase else phases:
            if phase in found:
                found[phase].setdefault((comparator.measure, comparator.academic_year_id), {}).setdefault(
                    side, comparator
                )
    return found


def _row(*, measure, period, result, comparators):
    la = _figures(comparators.get("la"))
    national = _figures(comparators.get("national"))
    shown = la if la is not None and la.all_pupils is not None else national
    return KpiRow(
        measure=measure.label,
        code=measure.value,
        unit=RULES[measure].unit,
        period=period,
        all_pupils=result.all_pupils if result else None,
        disadvantaged=result.disadvantaged if result else None,
        cohort=result.cohort if result else None,
        disadvantaged_cohort=result.disadvantaged_cohort if result else None,
        comparator_label=shown.label if shown else "",
        comparator_value=shown.all_pupils if shown else None,
        disadvantaged_comparator_value=shown.disadvantaged if shown else None,
        local_authority=la,
        national=national,
        all_pupils_small_cohort=bool(result) and is_small(result.cohort),
        disadvantaged_small_cohort=bool(result)
        and result.disadvantaged is not None
        and is_small(result.disadvantaged_cohort),
    )


def _latest_attendance(results, *, academic_year_id, up_to=None):
    candidates = [
        r
        for r in results
        if r.measure == Measure.ATTENDANCE
        and r.academic_year_id == academic_year_id
        and (up_to is None or r.half_term.starts_on <= up_to.starts_on)
    ]
    return max(candidates, key=lambda r: r.half_term.starts_on, default=None)


def kpi_rows_for(
    *, school: School, academic_year: AcademicYear, half_term: HalfTerm | None = None
) -> list[KpiRow]:
    """The school's KPI rows for an academic year, in the letter's order, with comparators and flags.

    A measure is listed when it applies to the school's phase and the school has had a result for it in
    some year (so an infant school has no KS2 row, a nursery only attendance); a listed measure with no
    result this year has None figures. Attendance is year to date: at `half_term` (or the latest
    half-term recorded before it in that half-term's year), else the latest recorded in `academic_year`.
    Three queries.
    """
    return kpi_rows_by_school(schools=[school], academic_year=academic_year, half_term=half_term)[school.pk]


def kpi_rows_by_school(
    *, schools, academic_year: AcademicYear, half_term: HalfTerm | None = None
) -> dict[int, list[KpiRow]]:
    """`kpi_rows_for` for many schools at once: school id -> its rows. Three queries, however many
    schools (the results of them all, and the comparators of every phase among them)."""
    schools = list(schools)
    local_authority = Trust.objects.get_current().comparator_local_authority
    results_of = {school.pk: [] for school in schools}
    for result in KpiResult.objects.filter(school__in=schools).select_related("half_term__academic_year"):
        results_of[result.school_id].append(result)
    attendance_year_id = half_term.academic_year_id if half_term else academic_year.pk
    comparators_of = _comparators_by_phase(
        academic_year_ids={academic_year.pk, attendance_year_id},
        local_authority=local_authority,
        phases={school.phase for school in schools},
    )
    return {
        school.pk: _rows(
            school=school,
            results=results_of[school.pk],
            comparators=comparators_of[school.phase],
            academic_year=academic_year,
            half_term=half_term,
            attendance_year_id=attendance_year_id,
        )
        for school in schools
    }


def _rows(*, school, results, comparators, academic_year, half_term, attendance_year_id) -> list[KpiRow]:
    measures_seen = {r.measure for r in results}
    rows = []
    for measure in ORDER:
        if not applies_to(measure, school.phase) or measure not in measures_seen:
            continue
        if RULES[measure].per_half_term:
            result = _latest_attendance(results, academic_year_id=attendance_year_id, up_to=half_term)
            if result:
                period = result.half_term.label
            else:
                period = half_term.label if half_term else academic_year.name
            year_id = attendance_year_id
        else:
            year_id = academic_year.pk
            result = next(
                (r for r in results if r.measure == measure and r.academic_year_id == year_id), None
            )
            period = academic_year.name
        rows.append(
            _row(
                measure=measure,
                period=period,
                result=result,
                comparators=comparators.get((measure.value, year_id), {}),
            )
        )
    return rows


def attendance_by_half_term(*, school: School, academic_year: AcademicYear) -> list[KpiResult]:
    """The school's year-to-date attendance at each half-term recorded in the year; one query."""
    return list(
        KpiResult.objects.filter(school=school, academic_year=academic_year, measure=Measure.ATTENDANCE)
        .select_related("half_term")
        .order_by("half_term__starts_on")
    )


@dataclass(frozen=True)
class TableCell:
    applies: bool
    result: KpiResult | None
    small_cohort: bool
    unit: str


def kpi_table_for(*, academic_year: AcademicYear, schools) -> tuple[list, list]:
    """The trust-wide table: (measures, [(school, [TableCell per measure])]) for a year; two queries.

    Attendance is the latest year-to-date figure recorded in the year.
    """
    schools = list(schools)
    latest = {}
    for result in (
        KpiResult.objects.filter(academic_year=academic_year, school__in=schools)
        .select_related("half_term")
        .order_by("half_term__starts_on")
    ):
        latest[(result.school_id, result.measure)] = result  # later half-terms overwrite earlier ones
    rows = []
    for school in schools:
        cells = []
        for measure in ORDER:
            result = latest.get((school.pk, measure.value))
            small = bool(result) and (
                is_small(result.cohort)
                or (result.disadvantaged is not None and is_small(result.disadvantaged_cohort))
            )
            cells.append(TableCell(applies_to(measure, school.phase), result, small, RULES[measure].unit))
        rows.append((school, cells))
    return ORDER, rows


def comparators_for_year(*, academic_year: AcademicYear) -> list[Comparator]:
    """The year's comparators in the letter's order of measures, the local authority before national."""
    comparators = Comparator.objects.filter(academic_year=academic_year)
    return sorted(comparators, key=lambda c: (ORDER.index(c.measure), c.is_national, c.area, c.phase))


def academic_year_named(name: str | None) -> AcademicYear | None:
    """The academic year written like 2025-26, or None."""
    if not name or len(name) != 7 or not name[:4].isdigit():
        return None
    return AcademicYear.objects.filter(starts_on__year=int(name[:4])).first()


def default_academic_year() -> AcademicYear | None:
    """The year of the latest published results (KS2, phonics...), else of the latest attendance, else the
    current year, else the latest."""
    results = KpiResult.objects.order_by("-academic_year__starts_on").select_related("academic_year")
    latest = results.filter(half_term__isnull=True).first() or results.first()
    if latest:
        return latest.academic_year
    current = HalfTerm.objects.current()
    return current.academic_year if current else AcademicYear.objects.order_by("-starts_on").first()
