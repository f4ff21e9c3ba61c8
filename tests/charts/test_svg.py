"""The SVG renderer: scales, what it draws for no figures and for one, and that every label is escaped."""

import re
import xml.etree.ElementTree as ET

import pytest

from charts.svg import Series, Table, Threshold, bar_chart, line_chart, linear, nice_ceiling, stacked_columns

NS = {"svg": "http://www.w3.org/2000/svg"}
TABLE = Table("Figures", ["Year", "All"], [["2025-26", "70%"]])


def parsed(chart):
    return ET.fromstring(str(chart.svg))


@pytest.mark.parametrize(
    ("domain", "span", "value", "expected"),
    [
        ((0, 100), (216, 16), 0, 216),
        ((0, 100), (216, 16), 100, 16),
        ((0, 100), (216, 16), 50, 116),
        ((0, 10), (200, 584), 3, 315.2),
        ((5, 5), (0, 100), 5, 50),  # a zero-width domain draws in the middle
    ],
)
def test_a_linear_scale_maps_the_domain_onto_the_span(domain, span, value, expected):
    assert linear(domain, span)(value) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "ceiling"), [(0, 1), (0.4, 1), (3, 5), (7.2, 10), (12, 20), (23, 25), (61, 100)]
)
def test_the_axis_top_is_a_nice_number_at_or_above_the_largest_figure(value, ceiling):
    assert nice_ceiling(value) == ceiling


def test_a_line_is_drawn_through_the_points_at_their_scaled_positions():
    chart = line_chart(
        key="k",
        title="KS2",
        summary="s",
        x_labels=["2023-24", "2024-25"],
        series=[Series("School", [0, 100])],
        table=TABLE,
        y_top=100,
        unit="%",
    )
    line = parsed(chart).find("svg:polyline", NS)
    # Plot from x=48 to 624 in two slots (centres 192 and 480); y from 216 (0%) up to 16 (100%).
    assert line.get("points") == "192.0,216.0 480.0,16.0"


def test_a_missing_figure_breaks_the_line_and_a_lone_point_is_a_marker():
    chart = line_chart(
        key="k",
        title="t",
        summary="s",
        x_labels=["a", "b", "c"],
        series=[Series("School", [10, None, 30])],
        table=TABLE,
        y_top=100,
    )
    svg = parsed(chart)
    assert svg.findall("svg:polyline", NS) == []
    plotted = [c for c in svg.findall("svg:circle", NS) if float(c.get("cy")) <= 216]  # not the legend's
    assert [c.get("cx") for c in plotted] == ["144.0", "528.0"]


def test_a_single_point_is_drawn_as_a_marker_in_the_middle_of_the_plot():
    chart = line_chart(
        key="k",
        title="t",
        summary="s",
        x_labels=["2025-26"],
        series=[Series("S", [50])],
        table=TABLE,
        y_top=100,
    )
    circle = parsed(chart).find("svg:circle", NS)
    assert (circle.get("cx"), circle.get("cy")) == ("336.0", "116.0")


@pytest.mark.parametrize(
    "chart",
    [
        lambda: line_chart(
            key="k", title="t", summary="s", x_labels=["a"], series=[Series("S", [None])], table=TABLE
        ),
        lambda: line_chart(key="k", title="t", summary="s", x_labels=[], series=[], table=TABLE),
        lambda: bar_chart(key="k", title="t", summary="s", labels=["A"], values=[None], table=TABLE),
        lambda: stacked_columns(
            key="k", title="t", summary="s", x_labels=["a"], stacks=[Series("S", [0])], table=TABLE
        ),
    ],
)
def test_a_chart_with_no_figures_says_so_instead_of_drawing_axes(chart):
    svg = parsed(chart())
    assert [t.text for t in svg.findall("svg:text", NS)] == ["No figures recorded yet."]
    assert svg.findall("svg:line", NS) == []


def test_every_label_is_escaped_and_the_chart_is_labelled_by_its_title_and_description():
    nasty = '<script>alert("x")</script> & "Brook"'
    chart = bar_chart(
        key="reserves",
        title=nasty,
        summary=nasty,
        labels=[nasty],
        values=[4],
        table=TABLE,
        thresholds=[Threshold(nasty, 3)],
    )
    text = str(chart.svg)
    assert "<script" not in text
    assert "&lt;script&gt;" in text
    svg = parsed(chart)  # still well-formed XML
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "reserves-title reserves-desc"
    assert svg.find("svg:title", NS).get("id") == "reserves-title"
    assert svg.find("svg:title", NS).text == nasty


def test_the_svg_has_no_script_and_no_style_so_it_works_under_the_portals_csp():
    chart = stacked_columns(
        key="k",
        title="t",
        summary="s",
        x_labels=["Aut 1", "Aut 2"],
        stacks=[Series("Universal", [3, 4], "#00703c"), Series("Poor", [1, 0], "#d4351c")],
        table=TABLE,
    )
    text = str(chart.svg)
    assert not re.search(r"<script|<style|style=|javascript:|href=", text)


def test_threshold_lines_are_drawn_at_their_value_on_the_bar_scale():
    chart = bar_chart(
        key="k",
        title="t",
        summary="s",
        labels=["A", "B"],
        values=[2.5, 6.1],
        table=TABLE,
        thresholds=[Threshold("3%", 3), Threshold("5%", 5)],
        unit="%",
    )
    dashed = [line for line in parsed(chart).findall("svg:line", NS) if line.get("stroke-dasharray") == "5 3"]
    # The axis runs 0% to 10% (a nice ceiling above 6.1 x 1.1) over x = 200 to 584.
    assert [line.get("x1") for line in dashed] == ["315.2", "392.0"]
    bars = parsed(chart).findall("svg:rect", NS)[1:]  # the first rect is the background
    assert [bar.get("width") for bar in bars] == ["96.0", "234.2"]


def test_stacked_columns_pile_each_count_on_the_one_below():
    chart = stacked_columns(
        key="k",
        title="t",
        summary="s",
        x_labels=["Aut 1"],
        stacks=[Series("Universal", [3], "#00703c"), Series("Poor", [1], "#d4351c")],
        table=TABLE,
    )
    rects = [r for r in parsed(chart).findall("svg:rect", NS) if r.get("stroke") and r.get("height") != "12"]
    # 4 schools on a 0-5 axis from y=216 to 16: Universal from 216 up to 96, Poor from 96 up to 56.
    assert [(r.get("y"), r.get("height")) for r in rects] == [("96.0", "120.0"), ("56.0", "40.0")]
