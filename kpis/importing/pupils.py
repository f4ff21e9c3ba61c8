"""The optional "Pupils on roll" column the finance and KPI imports share.

Pupils on roll is the school's figure now (the letters print it), not a half-term's or a measure's, so a
file gives one figure per school: a school whose rows disagree is an error naming the row. A row that
changes only the pupils leaves the figures it carries untouched.
"""

from schools.services import pupil_numbers_record
from trust_portal.tabular import Column

from .base import CHANGED, UNCHANGED, pupil_count, row_error

PUPILS = "Pupils on roll"
PUPILS_COLUMN = Column(
    PUPILS,
    "pupils_on_roll",
    pupil_count,
    required=False,
    hint="Optional: the school's pupils on roll now, like 412; printed on the letters",
)


class PupilsOnRoll:
    """Mixed into an `ImportSpec` whose items carry a school in `lookup["school"]`."""

    def pupils_check(self, record, school, context, errors):
        pupils = record.get("pupils_on_roll")
        if school is None or pupils is None:
            return pupils
        first = context.setdefault("pupils_seen", {}).setdefault(school.pk, (record["_row"], pupils))
        if first[1] != pupils:
            errors.append(
                row_error(
                    record["_row"],
                    PUPILS,
                    f"{school} has {first[1]} on row {first[0]}; give the same figure on every row",
                )
            )
        return pupils

    def plan(self, items, existing):
        plan = super().plan(items, existing)
        for planned in plan.rows:
            pupils = getattr(planned.item, "pupils_on_roll", None)
            school = planned.item.lookup["school"]
            planned.figures_changed = planned.action != UNCHANGED
            if pupils is not None and pupils != school.pupils_on_roll:
                was = "blank" if school.pupils_on_roll is None else school.pupils_on_roll
                planned.changes.append(f"{PUPILS}: {was} -> {pupils}")
                planned.action = CHANGED if planned.action == UNCHANGED else planned.action
        return plan

    @staticmethod
    def pupils_save(planned, *, by):
        pupils, school = getattr(planned.item, "pupils_on_roll", None), planned.item.lookup["school"]
        if pupils is not None and pupils != school.pupils_on_roll:
            pupil_numbers_record(school=school, pupils_on_roll=pupils, actor=by)
