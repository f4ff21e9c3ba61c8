from django import template
from django.utils import timezone

from audits.models import AWAITING_CHECK, AuditAction

register = template.Library()


@register.inclusion_tag("audits/_school_panel_body.html")
def audits_panel(school):
    """A school's audit actions in brief: outstanding, overdue, reported awaiting a check. One query."""
    today = timezone.localdate()
    actions = list(AuditAction.objects.outstanding().filter(audit__school=school).values("status", "due_on"))
    overdue = [a for a in actions if a["status"] not in AWAITING_CHECK and a["due_on"] < today]
    return {
        "school": school,
        "outstanding": len(actions),
        "overdue": len(overdue),
        "awaiting_check": sum(1 for a in actions if a["status"] in AWAITING_CHECK),
    }
