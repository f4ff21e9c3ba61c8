"""A small SVG chart renderer: line charts, horizontal bars with threshold lines, stacked columns.

Charts are drawn on the server as plain SVG so that the same markup works in a page and in a WeasyPrint
PDF: no script, no stylesheet, no `style` attribute (the portal's CSP forbids inline styles), only
presentation attributes such as `fill` and `stroke`. Every chart is an `<svg role="img">` labelled by its
own `<title>` and `<desc>`, and comes with the data table it was drawn from, which pages show beside it.
Every label is escaped; figures are drawn to one decimal place of a pixel, so the output is the same on
every machine.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
INK = "#0b0c0c"
MUTED = "#505a5f"
GRID = "#b1b4b6"
FONT = 'font-family="Portal Sans, Arial, sans-serif"'
# Line colours with at least 3:1 contrast on white (WCAG non-text contrast); series also differ by
# dash and marker, so colour is never the only way to tell them apart.
COLOURS = ("#1d70b8", "#b54000", "#00703c", "#4c2c92", "#505a5f")
MARKERS = ("circle", "square", "triangle", "diamond")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence  # one figure (or None) per x label
    colour: str = COLOURS[0]
    dashed: bool = False
    marker: str = "circle"


@dataclass(frozen=True)
class Threshold:
    label: str  # e.g. "3% minimum"
    value: float
    colour: str = "#942514"


@dataclass(frozen=True)
class Table:
    caption: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]  # the first cell of a row is its heading


@dataclass(frozen=True)
class Chart:
    key: str  # unique on the page: the ids of the title and description are made from it
    title: str
    summary: str  # the text alternative, one or two sentences
    svg: SafeString
    table: Table
    notes: list = field(default_factory=list)


def linear(domain: tuple[float, float], span: tuple[float, float]) -> Callable[[float], float]:
    """The function mapping `domain` onto `span` (either may run backwards). A zero-width domain maps
    everything to the middle of the span."""
    (d0, d1), (r0, r1) = domain, span
    if d1 == d0:
        return lambda value: (r0 + r1) / 2
    return lambda value: r0 + (float(value) - d0) * (r1 - r0) / (d1 - d0)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten at or above `value` (at least 1)."""
    if value <= 1:
        return 1.0
    power = 1.0
    while power * 10 < value:
        power *= 10
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def ticks(top: float, count: int = 5) -> list[float]:
    step = top / count
    return [round(step * n, 6) for n in range(count + 1)]


def _n(value: float) -> str:
    shown = f"{value:.1f}"
    return "0.0" if shown == "-0.0" else shown


def _figure(value) -> str:
    value = Decimal(str(value))
    return f"{value:.0f}" if value == value.to_integral_value() else f"{value:.1f}"


def _text(x, y, label, *, anchor="start", size=12, fill=INK, weight=""):
    bold = ' font-weight="bold"' if weight else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{size}" fill="{fill}" '
        f"{FONT}{bold}>{escape(label)}</text>"
    )


def _marker(kind, x, y, colour):
    if kind == "square":
        return f'<rect x="{_n(x - 4)}" y="{_n(y - 4)}" width="8" height="8" fill="{colour}"/>'
    if kind == "triangle":
        points = f"{_n(x)},{_n(y - 5)} {_n(x + 5)},{_n(y + 4)} {_n(x - 5)},{_n(y + 4)}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if kind == "diamond":
        points = f"{_n(x)},{_n(y - 5)} {_n(x + 5)},{_n(y)} {_n(x)},{_n(y + 5)} {_n(x - 5)},{_n(y)}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4" fill="{colour}"/>'


def _frame(key, title, summary, height, body):
    title_id, desc_id = f"{key}-title", f"{key}-desc"
    return mark_safe(  # every label inside `body` was escaped by _text
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart__svg" viewBox="0 0 {WIDTH} {_n(height)}" '
        f'width="{WIDTH}" height="{_n(height)}" role="img" aria-labelledby="{title_id} {desc_id}">'
        f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(summary)}</desc>'
        f'<rect x="0" y="0" width="{WIDTH}" height="{_n(height)}" fill="#ffffff"/>'
        f"{''.join(body)}</svg>"
    )


def _nothing(key, title, summary, table, message="No figures recorded yet."):
    body = [_text(WIDTH / 2, 40, message, anchor="middle", fill=MUTED)]
    return Chart(key, title, summary, _frame(key, title, summary, 72, body), table)


def _legend(entries, y):
    """A row of (name, colour, dashed, marker) entries under the plot; wraps onto a second row."""
    body, x = [], 16
    for name, colour, dashed, marker in entries:
        width = 40 + 7 * len(name)
        if x + width > WIDTH - 8:
            x, y = 16, y + 18
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        if marker == "block":
            body.append(
                f'<rect x="{_n(x + 5)}" y="{_n(y - 10)}" width="14" height="12" fill="{colour}" '
                f'stroke="{INK}" stroke-width="0.75"/>'
            )
        else:
            body.append(
                f'<line x1="{_n(x)}" y1="{_n(y - 4)}" x2="{_n(x + 24)}" y2="{_n(y - 4)}" '
                f'stroke="{colour}" stroke-width="2.5"{dash}/>'
            )
        if marker and marker != "block":
            body.append(_marker(marker, x + 12, y - 4, colour))
        body.append(_text(x + 30, y, name, size=11))
        x += width
    return body, y


def line_chart(
    *,
    key: str,
    title: str,
    summary: str,
    x_labels: Sequence[str],
    series: Sequence[Series],
    table: Table,
    y_top: float | None = None,
    unit: str = "",
    levels: Sequence[str] = (),
) -> Chart:
    """Lines over `x_labels`, one per series; a None figure breaks the line.

    The y axis runs from 0 to `y_top` (a nice ceiling of the largest figure if not given); with `levels`
    it is a ladder instead: position 1 (the first level) at the top, the last at the bottom.
    """
    drawn = [v for s in series for v in s.values if v is not None]
    if not x_labels or not drawn:
        return _nothing(key, title, summary, table)
    left = 132 if levels else 48
    plot_top, plot_bottom, right = 16, 216, WIDTH - 16
    x_step = (right - left) / len(x_labels)
    x_at = [left + x_step * (n + 0.5) for n in range(len(x_labels))]
    body = []
    if levels:
        y = linear((1, len(levels)), (plot_top + 8, plot_bottom - 8))
        for position, name in enumerate(levels, start=1):
            body.append(
                f'<line x1="{left}" y1="{_n(y(position))}" x2="{right}" y2="{_n(y(position))}" '
                f'stroke="{GRID}" stroke-width="1"/>'
            )
            body.append(_text(left - 8, y(position) + 4, name, anchor="end", size=11))
    else:
        top = y_top or nice_ceiling(max(drawn))
        y = linear((0, top), (plot_bottom, plot_top))
        for tick in ticks(top):
            body.append(
                f'<line x1="{left}" y1="{_n(y(tick))}" x2="{right}" y2="{_n(y(tick))}" stroke="{GRID}" '
                f'stroke-width="1"/>'
            )
            body.append(_text(left - 6, y(tick) + 4, f"{_figure(tick)}{unit}", anchor="end", size=11))
    body.append(
        f'<line x1="{left}" y1="{plot_bottom}" x2="{right}" y2="{plot_bottom}" stroke="{INK}" '
        f'stroke-width="1"/>'
    )
    for x, label in zip(x_at, x_labels, strict=True):
        body.append(_text(x, plot_bottom + 18, label, anchor="middle", size=11))
    for line in series:
        dash = ' stroke-dasharray="6 4"' if line.dashed else ""
        run = []
        points = list(zip(x_at, line.values, strict=False)) + [(None, None)]
        for x, value in points:
            if value is not None:
                run.append(f"{_n(x)},{_n(y(value))}")
                continue
            if len(run) > 1:
                body.append(
                    f'<polyline points="{" ".join(run)}" fill="none" stroke="{line.colour}" '
                    f'stroke-width="2.5"{dash}/>'
                )
            run = []
        for x, value in zip(x_at, line.values, strict=False):
            if value is not None:
                body.append(_marker(line.marker, x, y(value), line.colour))
    legend, bottom = _legend([(s.name, s.colour, s.dashed, s.marker) for s in series], plot_bottom + 44)
    body += legend
    return Chart(key, title, summary, _frame(key, title, summary, bottom + 12, body), table)


def bar_chart(
    *,
    key: str,
    title: str,
    summary: str,
    labels: Sequence[str],
    values: Sequence,
    table: Table,
    thresholds: Sequence[Threshold] = (),
    unit: str = "",
    colour: str = COLOURS[0],
) -> Chart:
    """Horizontal bars, one a label (None: no bar, "not recorded"), with vertical threshold lines."""
    drawn = [float(v) for v in values if v is not None]
    if not labels or not drawn:
        return _nothing(key, title, summary, table)
    left, right, top_gap, row = 200, WIDTH - 56, 28, 20
    lowest = min(0.0, *drawn)
    highest = nice_ceiling(max([*drawn, *(t.value for t in thresholds), 1.0]) * 1.1)
    low = -nice_ceiling(-lowest) if lowest < 0 else 0.0
    x = linear((low, highest), (left, right))
    plot_bottom = top_gap + row * len(labels)
    body = []
    for tick in sorted({low, *ticks(highest, 4)}):
        body.append(
            f'<line x1="{_n(x(tick))}" y1="{top_gap}" x2="{_n(x(tick))}" y2="{_n(plot_bottom)}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(_text(x(tick), plot_bottom + 16, f"{_figure(tick)}{unit}", anchor="middle", size=11))
    for n, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top_gap + row * n
        body.append(_text(left - 8, y + 14, label, anchor="end", size=11))
        if value is None:
            body.append(_text(x(0) + 4, y + 14, "not recorded", size=11, fill=MUTED))
            continue
        start, end = sorted((x(0), x(value)))
        body.append(
            f'<rect x="{_n(start)}" y="{_n(y + 3)}" width="{_n(end - start)}" height="{row - 6}" '
            f'fill="{colour}"/>'
        )
        body.append(_text(max(x(value), x(0)) + 4, y + 14, f"{_figure(value)}{unit}", size=11))
    body.append(
        f'<line x1="{_n(x(0))}" y1="{top_gap}" x2="{_n(x(0))}" y2="{_n(plot_bottom)}" stroke="{INK}" '
        f'stroke-width="1"/>'
    )
    for threshold in thresholds:
        at = x(threshold.value)
        body.append(
            f'<line x1="{_n(at)}" y1="{top_gap - 6}" x2="{_n(at)}" y2="{_n(plot_bottom)}" '
            f'stroke="{threshold.colour}" stroke-width="2" stroke-dasharray="5 3"/>'
        )
    legend, bottom = _legend([(t.label, t.colour, True, "") for t in thresholds], plot_bottom + 40)
    body += legend
    return Chart(key, title, summary, _frame(key, title, summary, bottom + 12, body), table)


def stacked_columns(
    *,
    key: str,
    title: str,
    summary: str,
    x_labels: Sequence[str],
    stacks: Sequence[Series],
    table: Table,
) -> Chart:
    """A column per x label, each stack's count piled on the one before (the first at the bottom)."""
    totals = [sum(int(s.values[n] or 0) for s in stacks) for n in range(len(x_labels))]
    if not x_labels or not any(totals):
        return _nothing(key, title, summary, table)
    left, right, plot_top, plot_bottom = 48, WIDTH - 16, 16, 216
    top = nice_ceiling(max(totals))
    y = linear((0, top), (plot_bottom, plot_top))
    step = (right - left) / len(x_labels)
    body = []
    for tick in ticks(top, 4 if top % 4 == 0 else 5):
        body.append(
            f'<line x1="{left}" y1="{_n(y(tick))}" x2="{right}" y2="{_n(y(tick))}" stroke="{GRID}" '
            f'stroke-width="1"/>'
        )
        body.append(_text(left - 6, y(tick) + 4, _figure(tick), anchor="end", size=11))
    for n, label in enumerate(x_labels):
        x0, width, below = left + step * n + step * 0.2, step * 0.6, 0
        for stack in stacks:
            count = int(stack.values[n] or 0)
            if count:
                body.append(
                    f'<rect x="{_n(x0)}" y="{_n(y(below + count))}" width="{_n(width)}" '
                    f'height="{_n(y(below) - y(below + count))}" fill="{stack.colour}" stroke="{INK}" '
                    f'stroke-width="0.75"/>'
                )
            below += count
        body.append(_text(x0 + width / 2, plot_bottom + 18, label, anchor="middle", size=11))
    body.append(
        f'<line x1="{left}" y1="{plot_bottom}" x2="{right}" y2="{plot_bottom}" stroke="{INK}" '
        f'stroke-width="1"/>'
    )
    legend, bottom = _legend([(s.name, s.colour, False, "block") for s in stacks], plot_bottom + 44)
    body += legend
    return Chart(key, title, summary, _frame(key, title, summary, bottom + 12, body), table)
