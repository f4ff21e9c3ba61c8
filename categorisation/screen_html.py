"""The half-term screen's compact rows as HTML, written here rather than through the template.

At 120 schools the screen has 240 table rows and 360 category controls: through template tags that was
most of the page's time (a URL reversed three times a row, every number localised). Each compact row is
the same markup the template writes for a row (see categorisation/decide.html), escaped once per value,
URLs reversed once. Expanded rows (the school being changed, or one refused) still use the template.
"""

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe


def decide_select_html(row, decision, options=None) -> str:
    """A school's category control: one option per level of the dimension, the shown one selected.
    `options` (a dict) keeps each dimension's options once written, for the next row with the same one
    selected: at 120 schools most rows share them."""
    school, d = row.school, decision
    name = f"{school.pk}-{d.dimension}-level"
    key = (d.dimension, d.level_pk)
    written = options.get(key) if options is not None else None
    if written is None:
        written = _options_html(d)
        if options is not None:
            options[key] = written
    described = f' aria-describedby="s{name[:-6]}-error"' if d.error else ""
    return (
        f'<select name="{name}" id="s{name}" data-more="more-{school.pk}" '
        f'aria-label="{written[0]} category for {escape(school.name)}"{described}>'
        f'<option value="">Not decided</option>{written[1]}</select>'
    )


def _options_html(d) -> tuple[str, str]:
    """(the dimension's label, its options with the shown level selected), escaped."""
    options = "".join(
        f'<option value="{lv.pk}"{" selected" if d.level_pk == str(lv.pk) else ""}>{escape(lv.name)}</option>'
        for lv in d.levels
    )
    return escape(d.label), options


def compact_rows_html(rows, *, half_term) -> None:
    """Give each compact row (not expanded, nothing refused) its HTML as `row.html`."""
    decide_url = reverse("categorisation:decide")
    school_url = reverse("categorisation:school", args=["000000"])[:-7]  # without "000000/"
    options, tags = {}, {None: '<span class="tag tag--grey">None</span>'}
    for row in rows:
        if row.expanded or row.errors:
            continue
        school, name = row.school, escape(row.school.name)
        cells = []
        for d in row.decisions:
            level = d.previous.level if d.previous else None
            previous = tags.get(level)
            if previous is None:
                previous = tags[level] = f'<span class="tag {level.tag_class}">{escape(level.name)}</span>'
            decided = ' <span class="hint">decided</span>' if d.current else ""
            cells.append(
                f'<td>{previous} <span aria-hidden="true">&rarr;</span>\n'
                f"        {decide_select_html(row, d, options)}{decided}\n        </td>"
            )
        locked = ' <span class="hint">(letter sent)</span>' if row.locked else ""
        own = f"{decide_url}?half_term={half_term.pk}&amp;school={school.pk}"
        row.html = mark_safe(  # noqa: S308 - every value above is escaped or generated
            f'<tr class="decide-row" id="school-{school.pk}">\n'
            f'      <th scope="row"><a href="{school_url}{escape(school.urn)}/">{name}</a>{locked}</th>\n'
            f"      {''.join(cells)}\n"
            f'    </tr>\n    <tr class="decide-more"><td colspan="{len(row.decisions) + 1}">'
            f'<details id="more-{school.pk}" data-fragment="{own}&amp;fragment=1"><summary>'
            f'Rationale, evidence and characteristics<span class="visually-hidden"> for {name}</span>'
            f'</summary>\n      <div class="decide-more__body"><a href="{own}">Open {name} on its own</a>'
            "</div></details></td></tr>"
        )
