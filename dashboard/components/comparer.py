"""Comparer's charts: one chart of :func:`dashboard.views.comparer.comparer_view` drawn with
:func:`dashboard.figures.dots.dot_chart` and followed by the table of its numbers, and the same
chart rebuilt from the state for its files (``/export/chart/compare-*.png|svg|csv``).

The view speaks in its own plain series (views import no figure); this is where they become
the figure's :class:`~dashboard.figures.dots.DotSeries`.
"""

from __future__ import annotations

from dataclasses import fields

import plotly.graph_objects as go
from dash import html

from dashboard.components.chart_export import ChartExport
from dashboard.components.chart_table import chart_with_table, no_value_note
from dashboard.core.context import DataContext
from dashboard.core.state import COMPARER_PAGE, AppState
from dashboard.figures.dots import DotSeries, dot_chart
from dashboard.views.chart_rows import territory_chart_rows
from dashboard.views.comparer import ComparerChart, ComparerSeries, comparer_view
from dashboard.views.comparer_actor import FRAGILITIES_CHART, PARTNERSHIP_CHART


def comparer_chart(
    chart: ComparerChart, *, simulated: bool, lang: str
) -> html.Figure | html.Div | html.P:
    """The chart (every territory on one axis) and its table, then the rows it leaves out; its
    heading is the page's. A chart with no value is not drawn: what is missing is said
    instead."""
    if chart.no_value:
        return no_value_note(f"{chart.chart_id}-no-value", chart.no_value)
    figure = comparer_figure(chart, simulated=simulated, lang=lang)
    table = chart.table
    drawn = chart_with_table(
        chart.chart_id, figure, table.caption, table.header, table.rows, lang=lang
    )
    if not chart.left_out:
        return drawn
    return html.Div(
        [drawn, html.P(chart.left_out, id=f"{chart.chart_id}-left-out", className="left-out")]
    )


def comparer_figure(chart: ComparerChart, *, simulated: bool, lang: str) -> go.Figure:
    """Every territory's dots on the chart's one scale, its caption below."""
    return dot_chart(
        list(chart.labels),  # a list: dot_chart reads a tuple as (groups, labels)
        [dot_series(item) for item in chart.series],
        caption=chart.caption,
        x_range=chart.x_range,
        x_title=chart.x_title,
        simulated=simulated,
        lang=lang,
    )


def chart_ids(context: DataContext) -> tuple[str, ...]:
    """Comparer's two charts."""
    return (FRAGILITIES_CHART, PARTNERSHIP_CHART)


def chart_export(context: DataContext, state: AppState, chart_id: str) -> ChartExport | None:
    """One of Comparer's charts for the state's territories and actor, as the page draws it
    (None: another id, fewer than two territories, or no value in any of them)."""
    view = comparer_view(context, state, list(state.territories), actor_given=True)
    chart = next((chart for chart in view.charts if chart.chart_id == chart_id), None)
    if chart is None or chart.no_value:
        return None
    state = state.model_copy(update={"actor": view.actor})
    return ChartExport(
        chart_id=chart_id,
        title=f"{chart.heading} — {', '.join(view.names)}",
        figure=comparer_figure(chart, simulated=view.simulated, lang=state.lang),
        rows=territory_chart_rows(context, state, view.territories, chart.views),
        page=COMPARER_PAGE,
        name=(view.actor, "-".join(view.territories)),
    )


def dot_series(series: ComparerSeries) -> DotSeries:
    """The figure's series: the view's, but for the territory's code (not drawn)."""
    shared = (field.name for field in fields(DotSeries) if hasattr(series, field.name))
    return DotSeries(**{name: getattr(series, name) for name in shared})
