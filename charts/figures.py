"""The portal's four charts, drawn from the plain data `charts.selectors` reads (or a pack froze)."""

from django.utils.text import slugify

from categorisation.money import money

from .svg import COLOURS, MARKERS, Series, Table, Threshold, bar_chart, line_chart, stacked_columns

# Fills for the ladder's palette keys: stronger than the page's tag colours, so a column segment stands
# out against white; segments are outlined, and the data table says the same in words.
LEVEL_FILLS = {
    "green": "#00703c",
    "yellow": "#ffdd00",
    "orange": "#f47738",
    "red": "#d4351c",
    "purple": "#912b88",
    "grey": "#b1b4b6",
}
NOT_DECIDED_FILL = "#ffffff"


def _shown(value, unit=""):
    if value is None:
        return "\u2013"
    shown = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return f"{shown}%" if unit == "%" else shown


def kpi_trend_chart(trend: dict, *, school: str, key_prefix: str = "kpi") -> object:
    """One measure over the years: the school's all pupils and PPG against its comparator's."""
    unit = trend["unit"]
    years = [row["year"] for row in trend["years"]]
    comparator = next((row["comparator"] for row in reversed(trend["years"]) if row["comparator"]), "")
    compared = comparator or "comparator"
    series = [
        Series(
            f"{school}: all pupils", [r["all_pupils"] for r in trend["years"]], COLOURS[0], False, MARKERS[0]
        ),
        Series(f"{school}: PPG", [r["disadvantaged"] for r in trend["years"]], COLOURS[1], False, MARKERS[1]),
        Series(
            f"{compared}: all pupils",
            [r["comparator_all_pupils"] for r in trend["years"]],
            COLOURS[0],
            True,
            MARKERS[2],
        ),
        Series(
            f"{compared}: PPG",
            [r["comparator_disadvantaged"] for r in trend["years"]],
            COLOURS[1],
            True,
            MARKERS[3],
        ),
    ]
    latest = trend["years"][-1] if trend["years"] else None
    summary = f"{trend['label']} at {school} by academic year, all pupils and PPG, against {compared}."
    if latest and latest["all_pupils"] is not None:
        summary += (
            f" In {latest['year']}: {_shown(latest['all_pupils'], unit)} (PPG "
            f"{_shown(latest['disadvantaged'], unit)}) against "
            f"{_shown(latest['comparator_all_pupils'], unit)} "
            f"(PPG {_shown(latest['comparator_disadvantaged'], unit)})."
        )
    table = Table(
        caption=f"{trend['label']}: figures by year",
        headers=["Year", "All pupils", "PPG", "PPG gap", f"{compared}: all", f"{compared}: PPG"],
        rows=[
            [
                r["year"],
                _shown(r["all_pupils"], unit),
                _shown(r["disadvantaged"], unit),
                _gap(r, unit),
                _shown(r["comparator_all_pupils"], unit),
                _shown(r["comparator_disadvantaged"], unit),
            ]
            for r in trend["years"]
        ],
    )
    top = 100 if unit == "%" else 25
    return line_chart(
        key=f"{key_prefix}-{trend['measure']}",
        title=f"{trend['label']}: {school} against {compared}",
        summary=summary,
        x_labels=years,
        series=series,
        table=table,
        y_top=top,
        unit=unit,
    )


def _gap(row, unit):
    """The PPG gap: disadvantaged pupils' figure less all pupils' (negative when PPG pupils are behind)."""
    if row["all_pupils"] is None or row["disadvantaged"] is None:
        return "\u2013"
    gap = round(row["disadvantaged"] - row["all_pupils"], 1)
    sign = "+" if gap > 0 else ""
    return f"{sign}{_shown(gap)}{' points' if unit == '%' else ''}"


def categories_chart(data: dict, *, key: str = "categories") -> object:
    """A school's category in each dimension by half-term, on the ladder (best level at the top)."""
    dimensions = data["dimensions"]
    depth = max((len(d["levels"]) for d in dimensions), default=0)
    names = []
    for position in range(depth):
        at = []
        for dimension in dimensions:
            if position < len(dimension["levels"]) and dimension["levels"][position] not in at:
                at.append(dimension["levels"][position])
        names.append(" / ".join(at))
    series = [
        Series(d["label"], d["positions"], COLOURS[n % len(COLOURS)], n == 1, MARKERS[n % len(MARKERS)])
        for n, d in enumerate(dimensions)
    ]
    latest = []
    for d in dimensions:
        decided = [(label, name) for label, name in zip(data["half_terms"], d["names"], strict=True) if name]
        if decided:
            latest.append(f"{d['label'].lower()} {decided[-1][1]} ({decided[-1][0]})")
    latest = ", ".join(latest)
    summary = (
        f"{data['school']}'s categories by half-term, {data['half_terms'][0] if data['half_terms'] else ''}"
    )
    summary += f" to {data['half_terms'][-1]}." if data["half_terms"] else "."
    if latest:
        summary += f" Latest: {latest}."
    table = Table(
        caption=f"{data['school']}: categories by half-term",
        headers=["Half-term", *[d["label"] for d in dimensions]],
        rows=[
            [label, *[d["names"][n] or "not decided" for d in dimensions]]
            for n, label in enumerate(data["half_terms"])
        ],
    )
    return line_chart(
        key=key,
        title=f"{data['school']}: categories over time",
        summary=summary,
        x_labels=data["half_terms"],
        series=series,
        table=table,
        levels=names,
    )


def levels_chart(data: dict, *, key: str | None = None) -> object:
    """How many schools sat at each level by half-term, in one dimension."""
    stacks = [
        Series(level["name"], level["counts"], LEVEL_FILLS.get(level["colour"], LEVEL_FILLS["grey"]))
        for level in data["levels"]
    ]
    if any(data["not_decided"]):
        stacks.append(Series("Not decided", data["not_decided"], NOT_DECIDED_FILL))
    last = data["half_terms"][-1] if data["half_terms"] else ""
    in_last = ", ".join(f"{s.values[-1]} {s.name}" for s in stacks if s.values and s.values[-1])
    summary = f"Schools at each {data['dimension'].lower()} level by half-term."
    if in_last:
        summary += f" In {last}: {in_last}."
    table = Table(
        caption=f"{data['dimension']}: schools at each level by half-term",
        headers=["Half-term", *[s.name for s in stacks]],
        rows=[[label, *[str(s.values[n]) for s in stacks]] for n, label in enumerate(data["half_terms"])],
    )
    return stacked_columns(
        key=key or f"levels-{slugify(data['dimension'])}",
        title=f"{data['dimension']}: schools at each level by half-term",
        summary=summary,
        x_labels=data["half_terms"],
        stacks=stacks,
        table=table,
    )


def reserves_chart(data: dict, *, key: str = "reserves") -> object:
    """Each school's reserves as a percentage of GAG, against the 3% and 5% lines."""
    low, healthy = data["thresholds"]
    rows = data["schools"]
    below = [r["school"] for r in rows if r["percent"] is not None and r["percent"] < low]
    summary = (
        f"Reserves as a percentage of GAG by school in {data['half_term']}, against {low}% and {healthy}%."
    )
    summary += f" Below {low}%: {', '.join(below)}." if below else f" No school is below {low}%."
    table = Table(
        caption=f"Reserves as a percentage of GAG, {data['half_term']}",
        headers=["School", "Reserves", "GAG", "Reserves % of GAG"],
        rows=[
            [r["school"], _money(r["reserves"]), _money(r["gag"]), _shown(r["percent"], "%")] for r in rows
        ],
    )
    return bar_chart(
        key=key,
        title=f"Reserves as a percentage of GAG, {data['half_term']}",
        summary=summary,
        labels=[r["school"] for r in rows],
        values=[r["percent"] for r in rows],
        table=table,
        thresholds=[
            Threshold(f"{low}% (below: Poor)", low, "#942514"),
            Threshold(f"{healthy}% (Universal)", healthy, "#00703c"),
        ],
        unit="%",
    )


def _money(value):
    return "\u2013" if value is None else money(value)
