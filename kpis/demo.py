"""Demo KPI results, comparators and (if categorisation's demo made none) finance figures.

Everything goes in through the real import path (a file, previewed, confirmed by the CEO or CFO), so the
import pages show a history. Results exist for the academic years whose summer checks have happened;
attendance for every half-term that has started. Figures are made up, steady from one run to the next,
and idempotent: a second run finds nothing to change and imports nothing.
"""

import csv
import io
import zlib
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from categorisation.models import FinanceFigures
from kpis.importing import SPECS, preview
from kpis.importing.base import ADDED, CHANGED
from kpis.measures import PRIMARY_PHASES, Measure, applies_to
from kpis.models import ImportKind, KpiImport
from kpis.services import kpi_import_confirm, kpi_import_upload
from schools.models import AcademicYear, HalfTerm, HalfTermNumber, Phase, School

DOMAIN = "riverside.example"

# measure -> (all pupils, disadvantaged) around which schools' figures sit
TYPICAL = {
    Measure.KS2_RWM: (62, 47),
    Measure.EYFS_GLD: (68, 52),
    Measure.PHONICS_Y1: (80, 67),
    Measure.PHONICS_Y2: (89, 80),
    Measure.MTC_FULL_MARKS: (34, 26),
    Measure.MTC_AVERAGE: (Decimal("20.6"), Decimal("19.0")),
}
# Essex's figures as the seed's example letter gives them; the multiplication check has no LA figure.
ESSEX = {
    Measure.KS2_RWM: (63, 44),
    Measure.EYFS_GLD: (70, 50),
    Measure.PHONICS_Y1: (74, 52),
    Measure.PHONICS_Y2: (87, 76),
}
ATTENDANCE_BY_PHASE = {
    Phase.NURSERY: Decimal("92.5"),
    Phase.PRIMARY: Decimal("95.6"),
    Phase.SECONDARY: Decimal("91.4"),
    Phase.ALL_THROUGH: Decimal("93.2"),
    Phase.SPECIAL: Decimal("89.0"),
    Phase.ALTERNATIVE_PROVISION: Decimal("76.0"),
}
# How far each school sits from typical (points), and its share of disadvantaged pupils (%).
SCHOOL_SHAPE = {
    "990101": (5, 22),  # Ashdown: strong
    "990102": (2, 20),  # Brookfield Infant: no Year 4 or Year 6
    "990103": (-9, 38),  # Castle Hill: a concern
    "990104": (-1, 27),
    "990105": (1, 14),  # Elmstead: small, few disadvantaged pupils: small cohorts flagged
    "990106": (0, 18),
    "990107": (-3, 33),
    "990108": (-20, 40),  # Harbour View: special school, small cohorts
    "990109": (3, 24),
    "990110": (0, 30),
    "990111": (-4, 29),
    "990112": (0, 55),
}
INFANT_MEASURES = {Measure.EYFS_GLD, Measure.PHONICS_Y1, Measure.PHONICS_Y2, Measure.ATTENDANCE}
SPECIAL_MEASURES = {Measure.KS2_RWM, Measure.PHONICS_Y1, Measure.ATTENDANCE}


def _jitter(*parts, spread=4):
    """A steady pseudo-random number in [-spread, spread] for these parts (same every run)."""
    seed = zlib.crc32("|".join(map(str, parts)).encode())
    return Decimal(seed % (spread * 20 + 1)) / 10 - spread


def _clamp(value, highest=100):
    return max(Decimal(0), min(Decimal(highest), Decimal(value))).quantize(Decimal("0.1"))


def _measures_for(school):
    if "Infant" in school.name:
        return INFANT_MEASURES
    if school.phase == Phase.SPECIAL:
        return SPECIAL_MEASURES
    return {m for m in Measure if applies_to(m, school.phase)}


def _year_group(school):
    if school.phase == Phase.SPECIAL:
        return max(6, (school.pupils_on_roll or 70) // 12)
    if school.phase == Phase.ALL_THROUGH:
        return 60
    return max(8, (school.pupils_on_roll or 210) // 7)


def _result_rows(school, years, half_terms):
    shift, ppg_share = SCHOOL_SHAPE.get(school.urn, (0, 25))
    measures = _measures_for(school)
    rows = []
    for year in years:
        for measure, (typical, typical_ppg) in TYPICAL.items():
            if measure not in measures:
                continue
            highest = 25 if measure == Measure.MTC_AVERAGE else 100
            scale = Decimal("0.1") if measure == Measure.MTC_AVERAGE else 1
            cohort = _year_group(school) + int(_jitter(school.urn, year, measure, "cohort", spread=3))
            ppg_cohort = max(1, round(cohort * ppg_share / 100))
            figure = _clamp(typical + (shift + _jitter(school.urn, year, measure)) * scale, highest)
            ppg = _clamp(
                typical_ppg + (shift + _jitter(school.urn, year, measure, "ppg", spread=6)) * scale, highest
            )
            rows.append(
                [school.urn, school.name, year.name, measure.value, "", figure, ppg, cohort, ppg_cohort]
            )
    base = ATTENDANCE_BY_PHASE[school.phase] + Decimal(shift) / 10
    for half_term in half_terms:
        drift = Decimal("0.8") - Decimal("0.25") * half_term.number  # attendance falls through the year
        figure = _clamp(base + drift + _jitter(school.urn, half_term.pk, spread=1) / 2)
        ppg = _clamp(figure - Decimal("3.1") - Decimal(ppg_share) / 20)
        pupils = school.pupils_on_roll or 100
        rows.append(
            [
                school.urn,
                school.name,
                half_term.academic_year.name,
                Measure.ATTENDANCE.value,
                f"{half_term.get_number_display()}",
                figure,
                ppg,
                pupils,
                round(pupils * ppg_share / 100),
            ]
        )
    return rows


# Attendance by phase: (all pupils, disadvantaged) for primary and secondary schools, and for all schools.
ATTENDANCE_COMPARATORS = {
    "Essex": {Phase.PRIMARY: ("95.3", "92.7"), Phase.SECONDARY: ("91.2", "85.4"), "": ("93.4", "89.3")},
    "National": {Phase.PRIMARY: ("94.9", "92.1"), Phase.SECONDARY: ("91.0", "85.6"), "": ("93.1", "89.0")},
}


def _comparator_rows(years):
    rows = []
    for year in years:
        national_year = year.ends_on.year
        for measure, (figure, ppg) in ESSEX.items():
            rows.append([measure.value, year.name, "Essex", figure, ppg, "", ""])
        for measure, (figure, ppg) in TYPICAL.items():
            rows.append([measure.value, year.name, "National", figure, ppg, "", national_year])
        for area, by_phase in ATTENDANCE_COMPARATORS.items():
            for phase, (figure, ppg) in by_phase.items():
                figure_year = national_year if area == "National" else ""
                rows.append([Measure.ATTENDANCE.value, year.name, area, figure, ppg, phase, figure_year])
    return rows


def _thousands(amount):
    return (amount / 1000).quantize(Decimal(1)) * 1000


def _finance_rows(schools, half_terms):
    rows = []
    for school in schools:
        per_pupil = 5200 if school.phase in PRIMARY_PHASES or school.phase == Phase.NURSERY else 6100
        if school.phase in (Phase.SPECIAL, Phase.ALTERNATIVE_PROVISION):
            per_pupil = 21000
        gag = Decimal((school.pupils_on_roll or 100) * per_pupil)
        shift, _ = SCHOOL_SHAPE.get(school.urn, (0, 25))
        for half_term in half_terms:
            reserves_percent = (
                Decimal("5.5") + Decimal(shift) / 3 + _jitter(school.urn, half_term.pk, spread=1) / 2
            )
            reserves = _thousands(gag * reserves_percent / 100)
            outturn = _thousands(gag * Decimal(shift) / 400)
            rows.append(
                [
                    school.urn,
                    school.name,
                    f"{half_term.get_number_display()} {half_term.academic_year.name}",
                    "Yes" if shift >= 0 else "No",
                    outturn,
                    reserves + outturn,
                    _thousands(gag * Decimal("0.05")),
                    gag,
                    reserves,
                ]
            )
    return rows


def _import(kind, filename, rows, by, stdout):
    columns = SPECS[kind].columns
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column.name for column in columns])
    writer.writerows(rows)
    data = out.getvalue().encode()
    plan, errors = preview(kind, filename, data)
    if errors:
        raise RuntimeError(f"The demo {kind} file does not import: {errors[:3]}")
    if not plan.count(ADDED) and not plan.count(CHANGED):
        return
    kpi_import = kpi_import_upload(kind=kind, filename=filename, data=data, by=by)
    plan = kpi_import_confirm(kpi_import_id=kpi_import.pk, by=by)
    if stdout:
        stdout.write(f"Demo {ImportKind(kind).label}: {plan.summary}.")


def load(*, stdout=None):
    today = timezone.localdate()
    users = get_user_model().objects
    ceo, cfo = users.get(email=f"ceo@{DOMAIN}"), users.get(email=f"cfo@{DOMAIN}")
    years = list(AcademicYear.objects.order_by("starts_on"))
    started = list(HalfTerm.objects.filter(starts_on__lte=today).select_related("academic_year"))
    # The summer checks and KS2 results come in the year's last half-term.
    result_years = [h.academic_year for h in started if h.number == HalfTermNumber.SUMMER_2]
    schools = list(School.objects.order_by("urn"))

    _import(ImportKind.COMPARATORS, "demo-comparators.csv", _comparator_rows(years), ceo, stdout)
    rows = [row for school in schools for row in _result_rows(school, result_years, started)]
    _import(ImportKind.KPI_RESULTS, "demo-kpi-results.csv", rows, ceo, stdout)
    finance_file = "demo-finance-figures.csv"
    ours = KpiImport.objects.filter(kind=ImportKind.FINANCE_FIGURES, filename=finance_file).exists()
    if ours or not FinanceFigures.objects.exists():
        # Categorisation's demo made none: the CFO imports a file of them.
        _import(
            ImportKind.FINANCE_FIGURES,
            "demo-finance-figures.csv",
            _finance_rows(schools, started),
            cfo,
            stdout,
        )
