from django import template

from schools.models import School

from .. import figures, selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def levels_by_half_term_charts(context, half_terms):
    """The trust's count of schools at each level by half-term, one chart a dimension, for the schools the
    signed-in person may see (the overview includes it below its grid)."""
    half_terms = list(half_terms or [])
    if not half_terms:
        return []
    schools = list(School.objects.visible_to(context["request"].user))
    return [
        figures.levels_chart(
            selectors.levels_by_half_term(schools=schools, half_terms=half_terms, dimension=d)
        )
        for d in selectors.ladder_levels()
    ]
