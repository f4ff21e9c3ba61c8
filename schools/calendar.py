"""Academic years and their six half-terms."""

from datetime import date

from django.db import transaction

from schools.models import AcademicYear, HalfTerm, HalfTermNumber

# Typical English half-term dates (month, day), used when a year is created without its own dates;
# the back office corrects them to the trust's published calendar.
TYPICAL_DATES = {
    HalfTermNumber.AUTUMN_1: ((9, 1), (10, 24)),
    HalfTermNumber.AUTUMN_2: ((11, 3), (12, 19)),
    HalfTermNumber.SPRING_1: ((1, 5), (2, 13)),
    HalfTermNumber.SPRING_2: ((2, 23), (3, 31)),
    HalfTermNumber.SUMMER_1: ((4, 14), (5, 22)),
    HalfTermNumber.SUMMER_2: ((6, 1), (7, 22)),
}


@transaction.atomic
def academic_year_ensure(*, start_year: int) -> AcademicYear:
    """The academic year starting 1 September `start_year`, with its six half-terms (made if missing)."""
    year, _ = AcademicYear.objects.get_or_create(
        starts_on=date(start_year, 9, 1), defaults={"ends_on": date(start_year + 1, 8, 31)}
    )
    for number, ((m1, d1), (m2, d2)) in TYPICAL_DATES.items():
        calendar_year = start_year if m1 >= 9 else start_year + 1
        HalfTerm.objects.get_or_create(
            academic_year=year,
            number=number,
            defaults={"starts_on": date(calendar_year, m1, d1), "ends_on": date(calendar_year, m2, d2)},
        )
    return year
