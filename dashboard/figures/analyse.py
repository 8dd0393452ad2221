"""Figures of the Analyse page: the table's chart (dots or heatmap) and its small multiples.

Pure builders from the view's plain data (:class:`~dashboard.views.analyse.AnalysisChart`,
:class:`~dashboard.views.analyse_maps.AnalysisMaps`): the texts are escaped for Plotly here,
the numbers, classes and legend lines come as they are drawn.
"""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.figures.choropleth import LegendItem
from dashboard.figures.dots import DotSeries, dot_chart
from dashboard.figures.heatmap import heatmap_figure
from dashboard.figures.small_multiples import small_multiples_figure
from dashboard.text.markup import escape, wrapped
from dashboard.views.analyse import DOTS, AnalysisChart
from dashboard.views.analyse_maps import AnalysisMaps


def chart_figure(chart: AnalysisChart, *, caption: bool = True) -> go.Figure:
    """The dot plot or the heatmap of the table (``caption``: sources inside the figure)."""
    text = wrapped(chart.caption) if caption else ""
    categories = (
        (list(chart.groups), list(chart.rows)) if chart.groups is not None else list(chart.rows)
    )
    if chart.kind == DOTS:
        return dot_chart(
            categories,
            _series(chart),
            caption=text,
            x_range=chart.value_range,
            x_title=chart.axis_title,
            simulated=chart.simulated,
            lang=chart.lang,
        )
    return heatmap_figure(
        categories,
        list(chart.columns),
        chart.values,
        [list(row) for row in chart.texts],
        [[escape(line) for line in row] for row in chart.hover],
        value_range=chart.value_range,
        caption=text,
        colour_title=chart.axis_title,
        simulated=chart.simulated,
        lang=chart.lang,
    )


def _series(chart: AnalysisChart) -> list[DotSeries]:
    """One series of dots per column."""
    return [
        DotSeries(
            name=name,
            values=chart.values[:, at],
            lows=chart.lows[:, at],
            highs=chart.highs[:, at],
            markers=list(chart.marks[:, at]),
            hover=[escape(line) for line in chart.hover[:, at]],
            france=chart.france[at],
        )
        for at, name in enumerate(chart.columns)
    ]


def maps_figure(maps: AnalysisMaps, geometry: str) -> go.Figure:
    """The small multiples on their one classification; ``geometry``: a URL or a level id."""
    legend = tuple(LegendItem(line.colour, line.label, "") for line in maps.legend)
    return small_multiples_figure(
        maps.panels,
        maps.classification,
        maps.class_indices,
        geometry,
        maps.states,
        legend,
        maps.legend_title,
        labels=maps.labels,
        simulated=maps.simulated,
        lang=maps.lang,
    )
