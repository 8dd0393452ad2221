"""The selected territory's outline, drawn above every area as the last trace of a map."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.figures.template import TEXT_COLOUR

HIGHLIGHT_TRACE = "selection"
HIGHLIGHT_LINE = {"color": TEXT_COLOUR, "width": 3}
CLEAR = [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]]


def with_highlight(figure: go.Figure, code: str | None) -> go.Figure:
    """``figure`` with a last trace outlining ``code`` (an empty trace when nothing is chosen)."""
    first = figure.data[0]
    trace_type = go.Choroplethmap if isinstance(first, go.Choroplethmap) else go.Choropleth
    figure.add_trace(
        trace_type(
            name=HIGHLIGHT_TRACE,
            geojson=first.geojson,
            featureidkey=first.featureidkey,
            colorscale=CLEAR,
            showscale=False,
            marker={"line": HIGHLIGHT_LINE},
            hoverinfo="skip",
            **highlight_values(code),
        )
    )
    return figure


def highlight_values(code: str | None) -> dict:
    return {"locations": [code] if code else [], "z": [0] if code else []}
