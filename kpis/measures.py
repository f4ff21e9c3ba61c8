"""The KPI measures the trust reports on, and which school phases each applies to.

The measures are the DfE's own (they do not change between trusts), so they live in code, not as data.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models

from schools.models import Phase

# A figure about fewer than this many pupils can identify children (a 100% of 3 pupils says what each
# one did), so it is flagged wherever it is shown. The DfE suppresses figures for cohorts of 5 or fewer
# in its school performance tables; we flag at the same point.
SMALL_COHORT_BELOW = 6

PERCENT = "%"
SCORE = "score"

# Phases with pupils in Reception to Year 6, where the primary measures apply.
PRIMARY_PHASES = frozenset({Phase.PRIMARY, Phase.ALL_THROUGH, Phase.SPECIAL})
ALL_PHASES = frozenset(Phase)


class Measure(models.TextChoices):
    KS2_RWM = "ks2_rwm", "KS2 reading, writing and maths combined (expected standard)"
    EYFS_GLD = "eyfs_gld", "EYFS good level of development (GLD)"
    PHONICS_Y1 = "phonics_y1", "Year 1 phonics screening check"
    PHONICS_Y2 = "phonics_y2", "Year 2 phonics screening check"
    MTC_FULL_MARKS = "mtc_full_marks", "Year 4 multiplication check (full marks)"
    MTC_AVERAGE = "mtc_average", "Year 4 multiplication check (average score)"
    ATTENDANCE = "attendance", "Attendance (year to date)"


@dataclass(frozen=True)
class MeasureRules:
    unit: str
    highest: Decimal  # the largest figure that makes sense: 100% or the check's 25 marks
    phases: frozenset
    per_half_term: bool = False  # attendance is recorded year to date at each half-term
    short: str = ""  # column heading on the trust-wide table


RULES = {
    Measure.KS2_RWM: MeasureRules(PERCENT, Decimal(100), PRIMARY_PHASES, short="KS2 RWM"),
    Measure.EYFS_GLD: MeasureRules(PERCENT, Decimal(100), PRIMARY_PHASES, short="EYFS GLD"),
    Measure.PHONICS_Y1: MeasureRules(PERCENT, Decimal(100), PRIMARY_PHASES, short="Y1 phonics"),
    Measure.PHONICS_Y2: MeasureRules(PERCENT, Decimal(100), PRIMARY_PHASES, short="Y2 phonics"),
    Measure.MTC_FULL_MARKS: MeasureRules(PERCENT, Decimal(100), PRIMARY_PHASES, short="MTC full marks"),
    Measure.MTC_AVERAGE: MeasureRules(SCORE, Decimal(25), PRIMARY_PHASES, short="MTC average"),
    Measure.ATTENDANCE: MeasureRules(
        PERCENT, Decimal(100), ALL_PHASES, per_half_term=True, short="Attendance"
    ),
}

# The order the letter and the pages list them in (the CEO letter's order).
ORDER = list(Measure)


def applies_to(measure, phase) -> bool:
    return phase in RULES[measure].phases


def is_small(cohort) -> bool:
    return cohort is not None and cohort < SMALL_COHORT_BELOW
