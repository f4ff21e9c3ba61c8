"""The audit actions grid's rows: 120 schools by every audit type, written here as plain strings (escaped
once, URLs reversed once) rather than through a template tag call per cell, as the schedule's rows are."""

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe


def grid_rows_html(*, schools, types, counts) -> list:
    """Each school's row: its name, then per type the open actions (linked to them) and how many are
    overdue. `counts` is {(school_id, type_id): (open, overdue)}."""
    actions_url = reverse("audits:actions")
    school_url = reverse("audits:school_actions", args=["000000"])[:-7]  # ".../000000/" without "000000/"
    html = []
    for school in schools:
        parts = [
            f'<tr><th scope="row"><a href="{school_url}{escape(school.urn)}/">{escape(school.name)}</a></th>'
        ]
        for audit_type in types:
            open_count, overdue = counts.get((school.pk, audit_type.pk), (0, 0))
            if not open_count:
                parts.append('<td class="num">-</td>')
                continue
            cell = (
                f'<a href="{actions_url}?school={school.pk}&amp;audit_type={audit_type.pk}">'
                f"{open_count} open</a>"
            )
            if overdue:
                cell += f'<br><span class="tag tag--red">{overdue} overdue</span>'
            parts.append(f'<td class="num">{cell}</td>')
        parts.append("</tr>")
        html.append(mark_safe("".join(parts)))  # noqa: S308 - every value above is escaped or generated
    return html
