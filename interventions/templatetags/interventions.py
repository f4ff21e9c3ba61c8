"""The interventions panel on a school's page, and the slipping deadlines for the trust overview."""

from django import template
from django.utils import timezone

from categorisation.money import money as money_text
from schools.access import access_for
from schools.models import HalfTerm

from .. import permissions, selectors
from ..ladder import INTERVENTION_DIMENSIONS

register = template.Library()


@register.filter
def money(value):
    return money_text(value)


@register.inclusion_tag("interventions/_panel.html", takes_context=True)
def interventions_panel(context, school):
    user = context["user"]
    today = timezone.localdate()
    access = access_for(user)
    missing = selectors.missing_records(school_ids=[school.pk], half_term=HalfTerm.objects.current(today))
    return {
        "school": school,
        "today": today,
        **selectors.open_records_for(school=school),
        "deadlines": [
            d
            for d in selectors.deadlines_for(on=today, school_ids=[school.pk])
            if d.kind != "Required record missing"  # shown above the panel, with the way to make it
        ],
        "missing": missing,
        "may_write_rep": permissions.may_write_rep(user),
        "may_write_frep": permissions.may_write_frep(user),
        "may_issue": {d.value: permissions.may_write_notice(user, d) for d in INTERVENTION_DIMENSIONS},
        "may_write_board": permissions.may_write_board(user),
        "trust_wide": access.trust_wide,
    }


@register.inclusion_tag("interventions/_deadlines.html")
def interventions_deadlines():
    """For the trust overview: overdue REP actions, missed notice targets, missing monthly reports."""
    return {"deadlines": selectors.deadlines_for(on=timezone.localdate())}


@register.simple_tag(takes_context=True)
def open_reps_headed(context):
    """The open REPs of the schools the signed-in person heads, for their menu (one query, heads only)."""
    from schools.roles import HEAD_ROLES

    from ..models import Rep
    from ..models.common import RecordStatus

    access = context.get("access")
    headed = [pk for pk, roles in getattr(access, "school_roles", {}).items() if roles & HEAD_ROLES]
    if not headed:
        return []
    reps = Rep.objects.filter(school_id__in=headed, status=RecordStatus.OPEN).select_related("school")
    return list(reps.order_by("pk"))
