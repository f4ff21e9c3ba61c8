from django import template

from schools.models import School

from ..models import DirectiveStatus
from ..views.common import visible_directives, visible_letters

register = template.Library()


@register.inclusion_tag("letters/_nav_links.html", takes_context=True)
def letters_nav(context):
    """Trust-wide roles get the half-term's letters; a school's people get their school's letters."""
    access = context.get("access")
    if access is None or not access.roles:
        return {}
    if access.trust_wide:
        return {"trust_wide": True}
    schools = School.objects.filter(pk__in=access.school_ids).order_by("name").values_list("urn", flat=True)
    return {"urns": list(schools)[:1] if len(access.school_ids) == 1 else []}


@register.inclusion_tag("letters/_school_panel_body.html", takes_context=True)
def letters_school_panel(context, school):
    user = context["user"]
    letters = visible_letters(user).filter(school=school).select_related("half_term")
    directives = visible_directives(user).filter(school=school)
    return {
        "school": school,
        "latest": letters.first(),
        "open_directives": directives.not_closed().count(),
        "awaiting_ceo": directives.filter(status=DirectiveStatus.REPORTED_DONE).count(),
        "overdue": sum(1 for d in directives.not_closed().exclude(due_on=None) if d.is_overdue),
    }


@register.filter
def logo_src(name):
    """A stored letterhead logo as a data: URI (the only image source the PDF fetcher reads)."""
    from schools.letterhead import logo_data_uri

    return logo_data_uri(name or "")
