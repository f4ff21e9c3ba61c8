"""The trust-wide KPI table's rows as HTML: 120 schools by nine measures is over a thousand cells, written
here as plain strings (escaped once, the school URL reversed once) rather than through template tags, the
same markup templates/kpis/trust_table.html wrote for them."""

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .templatetags.kpis import kpi_figure


def _cell(cell) -> str:
    if not cell.applies:
        return '<span class="hint">n/a</span>'
    result = cell.result
    if not result:
        return "&ndash;"
    html = (
        f"{kpi_figure(result.all_pupils, cell.unit)}<br>"
        f'<span class="hint">PPG {kpi_figure(result.disadvantaged, cell.unit)}</span>'
    )
    if result.half_term:
        html += f'<br><span class="hint">to {escape(result.half_term.label)}</span>'
    if cell.small_cohort:
        html += '<br><span class="tag tag--orange">Small cohort</span>'
    return html


def table_rows_html(rows, *, academic_year) -> list:
    """Each school's row: its name (linked to its KPIs for the year), then a cell per measure."""
    school_url = reverse("kpis:school", args=["000000"])[:-7]  # without "000000/"
    year = escape(academic_year.name)
    html = []
    for school, cells in rows:
        tds = "".join(f'<td class="num">{_cell(cell)}</td>' for cell in cells)
        html.append(
            mark_safe(  # noqa: S308 - every value above is escaped or generated
                f'<tr><th scope="row"><a href="{school_url}{escape(school.urn)}/?year={year}">'
                f"{escape(school.name)}</a></th>{tds}</tr>"
            )
        )
    return html
