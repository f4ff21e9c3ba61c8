"""What the peer reviews say about the Universal characteristic "peer review results are as expected"
(edu.peer_review_expected): yes, no, or none this academic year. Only that answer and the review's date
leave the review group; its focus and findings never do."""

from datetime import date

from django.utils import timezone
from django.utils.dateformat import format as format_date

from categorisation.evidence import Evidence
from categorisation.models import Dimension

from .models import LETTER_ISSUED_OR_LATER, PeerReview

CODE = "edu.peer_review_expected"


def _year_of(day: date) -> tuple[date, str]:
    start = day.year if day.month >= 9 else day.year - 1
    return date(start, 9, 1), f"{start}-{str(start + 1)[-2:]}"


def peer_review_evidence(*, school_ids, half_term):
    """One query whatever the number of schools. Judged on what was issued by the half-term's last day
    (or today, if sooner), in that half-term's academic year; the latest review's answer counts."""
    school_ids = list(school_ids)
    today = timezone.localdate()
    as_of = min(today, half_term.ends_on) if half_term else today
    starts_on, year_name = _year_of(half_term.starts_on if half_term else today)
    latest: dict[int, tuple[date, bool]] = {}
    issued = PeerReview.objects.filter(
        school_id__in=school_ids,
        status__in=LETTER_ISSUED_OR_LATER,
        review_on__gte=starts_on,
        letter_issued_on__lte=as_of,
    ).values_list("school_id", "review_on", "results_as_expected")
    for school_id, review_on, as_expected in issued.order_by("review_on", "pk"):
        latest[school_id] = (review_on, bool(as_expected))
    for school_id in school_ids:
        if school_id not in latest:
            yield Evidence(
                school_id=school_id,
                dimension=Dimension.EDUCATION,
                code=CODE,
                holds=False,
                text=f"No peer review this academic year ({year_name})",
            )
            continue
        review_on, as_expected = latest[school_id]
        said = "as expected" if as_expected else "not as expected"
        yield Evidence(
            school_id=school_id,
            dimension=Dimension.EDUCATION,
            code=CODE,
            holds=as_expected,
            text=f"Peer review of {format_date(review_on, 'j F Y')}: results {said}",
        )
