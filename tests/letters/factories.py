from datetime import date

from letters.models import Letter
from schools.models import HalfTerm, HalfTermNumber


def half_term(start_year=2026, number=HalfTermNumber.AUTUMN_2):
    return HalfTerm.objects.get(academic_year__starts_on=date(start_year, 9, 1), number=number)


def draft_letter(
    school, by, *, term=None, ceo_text="Thank you for a strong half-term.", dated=date(2026, 12, 4)
):
    return Letter.objects.create(
        school=school, half_term=term or half_term(), created_by=by, ceo_text=ceo_text, dated=dated
    )
