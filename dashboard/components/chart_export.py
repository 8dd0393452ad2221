"""One export path for every chart: what a chart gives to ``/export/chart/<id>.<png|svg|csv>``,
and the links under the chart that point there.

A screen that draws a chart also says how to rebuild it from the state alone (a
:class:`ChartExport`: the figure, its title, and the rows it draws); :mod:`dashboard.exports.charts`
renders that figure with the bounded renderer of the slides, or writes the rows as a CSV with
their provenance. A chart with no value gives no :class:`ChartExport`, so no link points at it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from dash import html

from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState
from dashboard.text.i18n import t
from dashboard.views.sharing import chart_export_urls


@dataclass(frozen=True, eq=False)
class ChartExport:
    """A chart as its exports need it: ``rows`` are :data:`dashboard.views.france.NATIONAL_COLUMNS`
    (plus ``rank`` and ``ranked`` where the chart ranks), in the order the chart draws them."""

    chart_id: str
    title: str
    figure: go.Figure
    rows: pd.DataFrame
    page: str = f"/region/{FRANCE}"  # the page that draws it: the files' link points there
    name: tuple[str, ...] = ()  # ids the file name adds after the chart's (the view's)


@dataclass(frozen=True)
class ChartProvider:
    """A screen's exportable charts: their ids, and how it rebuilds one from the state (None
    when that chart has no value for the state)."""

    chart_ids: Callable[[DataContext], tuple[str, ...]]
    chart_export: Callable[[DataContext, AppState, str], ChartExport | None]


def chart_downloads(chart_id: str, state: AppState) -> html.P:
    """« Télécharger ce graphique : PNG · SVG · CSV pour Excel · CSV standard »."""
    lang = state.lang
    links = [
        html.A(t(label, lang), href=url, id=f"{chart_id}-{name}", download="")
        for name, label, url in chart_export_urls(chart_id, state)
    ]
    parts: list = [html.Span(t("chart_downloads", lang), className="share-label"), " "]
    for index, link in enumerate(links):
        parts += [" · ", link] if index else [link]
    return html.P(parts, className="chart-downloads no-print")


def titled_figure(exported: ChartExport) -> go.Figure:
    """The chart with its title on top, as an exported image shows it alone."""
    figure = go.Figure(exported.figure)
    top = (figure.layout.margin.t or 40) + 40
    return figure.update_layout(
        title={"text": exported.title, "x": 0, "xanchor": "left", "y": 0.99, "yanchor": "top"},
        margin_t=top,
        height=(figure.layout.height or 400) + 40,
    )
