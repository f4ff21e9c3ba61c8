"""The letter's one phonics row: "Year 1 & 2 combined", as the trust's letter (seed Appendix 2) prints it.

The portal keeps the Year 1 check and the Year 2 check apart (the DfE publishes both). The letter joins
them: the share of all the pupils who took either check that met the standard, so each figure is
weighted by its cohort. The comparator is weighted by the school's own cohorts, so it says what the
comparator area would score with this school's mix of Year 1 and Year 2 pupils.
"""

from decimal import ROUND_HALF_UP, Decimal

from kpis.measures import Measure, is_small

LABEL = "Year 1 & 2 combined phonics screen"
PHONICS = (Measure.PHONICS_Y1.value, Measure.PHONICS_Y2.value)


def _weighted(pairs) -> str:
    pairs = [(value, weight) for value, weight in pairs if value is not None and weight]
    if not pairs:
        return ""
    total = sum(weight for _, weight in pairs)
    mean = sum(value * weight for value, weight in pairs) / total
    return f"{Decimal(mean).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP).normalize():f}%"


def combined_phonics(lines: list[dict], rows) -> list[dict]:
    """`lines` (the letter's KPI lines) with the two phonics lines replaced by one, where the first was.

    `rows` are the `KpiRow`s the lines were made from (for the figures and cohorts).
    """
    phonics = [row for row in rows if row.code in PHONICS]
    if not phonics:
        return lines
    weights = [(row.cohort, row.disadvantaged_cohort) for row in phonics]
    cohort = sum(w for w, _ in weights if w) or None
    ppg_cohort = sum(w for _, w in weights if w) or None
    first = phonics[0]
    combined = {
        "code": "phonics_combined",
        "measure": LABEL,
        "period": first.period,
        "all": _weighted((row.all_pupils, row.cohort) for row in phonics),
        "ppg": _weighted((row.disadvantaged, row.disadvantaged_cohort) for row in phonics),
        "comparator": first.comparator_label or phonics[-1].comparator_label,
        "comparator_all": _weighted((row.comparator_value, row.cohort) for row in phonics),
        "comparator_ppg": _weighted(
            (row.disadvantaged_comparator_value, row.disadvantaged_cohort) for row in phonics
        ),
        "small_cohort": is_small(cohort) or (ppg_cohort is not None and is_small(ppg_cohort)),
    }
    out, placed = [], False
    for line in lines:
        if line["code"] in PHONICS:
            if not placed:
                out.append(combined)
                placed = True
            continue
        out.append(line)
    return out
