from django import template

from schools.models import School

from .. import figures, selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def levels_by_half_term_charts(context, half_terms):
    """The trust's count of schools at each level by half-term, one chart a dimension (those with any
    decision in the span), for the schools the signed-in person may see. The overview includes it below
    its grid. Three queries a dimension."""
    half_terms = list(half_terms or [])
    if not half_terms:
        return []
    schools = list(School.objects.visible_to(context["request"].user))
    charts = []
    for dimension in selectors.ladder_levels():
        data = selectors.levels_by_half_term(schools=schools, half_terms=half_terms, dimension=dimension)
        if any(sum(level["counts"]) for level in data["levels"]):
            charts.append(figures.levels_chart(data))
    return charts
