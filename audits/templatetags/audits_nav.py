from django import template

from schools.models import School

register = template.Library()


@register.inclusion_tag("audits/_nav_links.html", takes_context=True)
def audits_nav(context):
    """Trust-wide people get the schedule and the trust's actions; a head or LSB chair, their school's."""
    access = context.get("access")
    if access is None or access.trust_wide or not access.school_ids:
        return {"access": access, "schools": []}
    return {
        "access": access,
        "schools": list(School.objects.filter(pk__in=access.school_ids).order_by("name")),
    }
