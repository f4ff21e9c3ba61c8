from django import template

from categorisation.models import Dimension
from schools.models import School

from .. import figures, selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def levels_by_half_term_charts(context, half_terms):
    """The trust's count of schools at each level by half-term, one chart a dimension (those with any
    decision in the span), for the schools the signed-in person may see. The overview includes it below
    its grid. Three queries."""
    half_terms = list(half_terms or [])
    if not half_terms:
        return []
    schools = School.objects.visible_to(context["request"].user)
    return [
        figures.levels_chart(data)
        for data in selectors.levels_by_half_term(
            schools=schools, half_terms=half_terms, dimensions=Dimension.values
        )
        if any(sum(level["counts"]) for level in data["levels"])
    ]
