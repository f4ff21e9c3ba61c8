"""What the audit actions say about a school's education characteristic "audit actions are closed or being
closed" (edu.audit_actions_closing): a suggestion beside the CEO's decision, never the decision."""

from django.utils import timezone
from django.utils.dateformat import format as format_date

from audits.selectors import outstanding_actions_counts, overdue_actions_by_school
from categorisation.evidence import Evidence
from categorisation.models import Dimension

CODE = "edu.audit_actions_closing"


def audit_actions_evidence(*, school_ids, half_term):
    """Two queries whatever the number of schools. Judged on the half-term's last day (or today, if
    sooner), against the actions as they stand now."""
    school_ids = list(school_ids)
    on = min(timezone.localdate(), half_term.ends_on) if half_term else timezone.localdate()
    overdue = overdue_actions_by_school(school_ids=school_ids, on=on)
    outstanding = outstanding_actions_counts(school_ids=school_ids)
    for school_id in school_ids:
        if school_id in overdue:
            count, oldest = overdue[school_id]
            text = (
                f"{count} audit action{'s' if count != 1 else ''} overdue, "
                f"oldest due {format_date(oldest, 'j F Y')}"
            )
            yield Evidence(
                school_id=school_id, dimension=Dimension.EDUCATION, code=CODE, holds=False, text=text
            )
        else:
            open_count = outstanding.get(school_id, 0)
            text = (
                f"No audit actions overdue; {open_count} outstanding, being closed"
                if open_count
                else "No outstanding audit actions"
            )
            yield Evidence(
                school_id=school_id, dimension=Dimension.EDUCATION, code=CODE, holds=True, text=text
            )
