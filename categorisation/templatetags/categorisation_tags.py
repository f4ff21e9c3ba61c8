from functools import lru_cache

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from categorisation.models import Dimension
from categorisation.money import money as money_text
from categorisation.money import percent as percent_text
from categorisation.screen_html import decide_select_html

register = template.Library()

MOVE_TEXT = {"up": ("↑", "moved up"), "down": ("↓", "moved down")}


@register.simple_tag
def grid_cell(cell):
    """One grid cell: a tag per dimension (education, finance, site & H&S, always in that order) with the
    level's name in full and its movement; the dimension is said to screen readers only. Built in Python:
    the grid has thousands of cells and this keeps the page quick to render."""
    return mark_safe(
        "".join(
            _grid_tag(
                dimension,
                level.tag_class if level else "tag--grey",
                level.name if level else "Not decided",
                cell.moves.get(dimension),
            )
            for dimension, level in cell.levels.items()
        )
    )


@lru_cache(maxsize=1024)
def _grid_tag(dimension: str, tag_class: str, name: str, move: str | None) -> str:
    """A cell's tag for one dimension. The grid repeats a few dozen of them thousands of times, so each is
    written (and escaped) once per process, keyed by everything it shows."""
    moved = ""
    if move:
        arrow, said = MOVE_TEXT[move]
        moved = format_html(
            ' <span class="move" aria-hidden="true">{}</span><span class="visually-hidden"> ({})</span>',
            arrow,
            said,
        )
    return format_html(
        '<span class="tag {}"><span class="visually-hidden">{}: </span>{}{}</span>',
        tag_class,
        Dimension(dimension).label,
        name,
        moved,
    )


@register.filter
def money(value):
    return money_text(value)


@register.filter
def percent(value):
    return "" if value is None else percent_text(value)


@register.inclusion_tag("categorisation/_panel_body.html", takes_context=True)
def categorisation_panel(context, school):
    """The school's current categories on its page (two queries)."""
    from categorisation.models import Categorisation

    latest = (
        Categorisation.objects.current()
        .filter(school=school)
        .select_related("level", "half_term")
        .order_by("-half_term__starts_on")
    )
    shown, half_term = {}, None
    for record in latest[:6]:
        half_term = half_term or record.half_term
        if record.half_term_id == half_term.pk:
            shown.setdefault(record.dimension, record)
    return {
        "school": school,
        "half_term": half_term,
        "records": [shown[d] for d in Dimension if d in shown],
    }


@register.simple_tag
def decide_select(row, decision):
    """A school's category control on the half-term screen (the compact rows write the same markup)."""
    return mark_safe(decide_select_html(row, decision))  # noqa: S308 - escaped in decide_select_html
