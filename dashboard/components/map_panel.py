"""Everything the Carte shows for one state, rendered once for the page and once per callback."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from dashboard.components.legend import legend
from dashboard.components.sources import source_block
from dashboard.components.values_table import values_table
from dashboard.context import DataContext
from dashboard.figures.choropleth import HoverWords, build_region_choropleth
from dashboard.i18n import labelled
from dashboard.mapview import no_value_states, region_map_view
from dashboard.state import AppState, state_query


@dataclass(frozen=True)
class MapPanel:
    figure: go.Figure
    title: str
    coverage: str
    legend: list
    sources: list
    table: object
    permalink: str


def map_panel(context: DataContext, state: AppState) -> MapPanel:
    lang = state.lang
    view = region_map_view(context, state)
    words = HoverWords(
        source=labelled("source", lang),
        base=labelled("base", lang),
    )
    figure = build_region_choropleth(
        view.frame,
        view.classification,
        context.geometry_url(state.level),
        words,
        no_value_states(context, lang),
    )
    return MapPanel(
        figure=figure,
        title=view.title,
        coverage=view.coverage,
        legend=legend(view.legend, lang),
        sources=source_block(view, lang),
        table=values_table(view, lang),
        permalink="/" + state_query(state, release=context.release.id),
    )
