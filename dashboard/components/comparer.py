"""Comparer's charts: one chart of :func:`dashboard.views.comparer.comparer_view` drawn with
:func:`dashboard.figures.dots.dot_chart` and followed by the table of its numbers.

The view speaks in its own plain series (views import no figure); this is where they become
the figure's :class:`~dashboard.figures.dots.DotSeries`.
"""

from __future__ import annotations

from dataclasses import fields

from dash import html

from dashboard.components.chart_table import chart_with_table, no_value_note
from dashboard.figures.dots import DotSeries, dot_chart
from dashboard.views.comparer import ComparerChart, ComparerSeries


def comparer_chart(
    chart: ComparerChart, *, simulated: bool, lang: str
) -> html.Figure | html.Div | html.P:
    """The chart (every territory on one axis) and its table, then the rows it leaves out; its
    heading is the page's. A chart with no value is not drawn: what is missing is said
    instead."""
    if chart.no_value:
        return no_value_note(f"{chart.chart_id}-no-value", chart.no_value)
    figure = dot_chart(
        list(chart.labels),  # a list: dot_chart reads a tuple as (groups, labels)
        [dot_series(item) for item in chart.series],
        caption=chart.caption,
        x_range=chart.x_range,
        x_title=chart.x_title,
        simulated=simulated,
        lang=lang,
    )
    table = chart.table
    drawn = chart_with_table(
        chart.chart_id, figure, table.caption, table.header, table.rows, lang=lang
    )
    if not chart.left_out:
        return drawn
    return html.Div(
        [drawn, html.P(chart.left_out, id=f"{chart.chart_id}-left-out", className="left-out")]
    )


def dot_series(series: ComparerSeries) -> DotSeries:
    """The figure's series: the view's, but for the territory's code (not drawn)."""
    shared = (field.name for field in fields(DotSeries) if hasattr(series, field.name))
    return DotSeries(**{name: getattr(series, name) for name in shared})
