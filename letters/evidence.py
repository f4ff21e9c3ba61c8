"""Evidence for the finance category: CEO letter directives not met within the time set."""

from django.utils import timezone

from categorisation.evidence import Evidence
from categorisation.models import Dimension

from .compose import long_date
from .selectors import directives_not_met

CODE = "fin.directives_not_met"


def directives_not_met_evidence(*, school_ids, half_term):
    """One query. As at the end of the half-term, or today while it is running."""
    on = min(timezone.localdate(), half_term.ends_on)
    late = directives_not_met(school_ids=school_ids, on=on)
    for school_id in school_ids:
        directives = late.get(school_id, [])
        if directives:
            oldest = directives[0]
            yield Evidence(
                school_id=school_id,
                dimension=Dimension.FINANCE,
                code=CODE,
                holds=True,
                text=(
                    f"{len(directives)} CEO letter directive{'s' if len(directives) > 1 else ''} past the "
                    f"due date and not closed, oldest due {long_date(oldest.due_on)} "
                    f"({oldest.half_term.letter_label}: {oldest.text[:80]})"
                ),
            )
        else:
            yield Evidence(
                school_id=school_id,
                dimension=Dimension.FINANCE,
                code=CODE,
                holds=False,
                text="No CEO letter directive is past its due date without being closed.",
            )
