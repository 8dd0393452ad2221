"""The selected territory's outline, drawn above every area as the last trace of a map, and
its name on a commune map."""

from __future__ import annotations

import html

import plotly.graph_objects as go

from dashboard.figures.template import TEXT_COLOUR
from dashboard.text.i18n import t

HIGHLIGHT_TRACE = "selection"
HIGHLIGHT_LINE = {"color": TEXT_COLOUR, "width": 3}
CLEAR = [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]]
SELECTION_NAME = "selection-name"  # the annotation naming the outlined territory
NAME_COLON = {"fr": "\u00a0: ", "en": ": "}


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


def selection_name_annotations(name: str | None, lang: str) -> list[dict]:
    """The outlined territory named on the map, in a corner, framed like its outline.

    Not a text at its point: MapLibre draws map texts only with fonts fetched from a remote
    server (``figures.tile_map``). ``name`` None: nothing to name."""
    if name is None:
        return []
    return [
        {
            "name": SELECTION_NAME,
            "text": html.escape(t("selected_outline", lang) + NAME_COLON[lang] + name),
            "xref": "paper",
            "yref": "paper",
            "x": 0.01,
            "y": 0.99,
            "xanchor": "left",
            "yanchor": "top",
            "showarrow": False,
            "bgcolor": "rgba(255, 255, 255, 0.9)",
            "bordercolor": HIGHLIGHT_LINE["color"],
            "borderwidth": HIGHLIGHT_LINE["width"],
            "borderpad": 4,
            "font": {"color": TEXT_COLOUR},
        }
    ]


def with_selection_name(figure: go.Figure, name: str | None, lang: str) -> go.Figure:
    for annotation in selection_name_annotations(name, lang):
        figure.add_annotation(annotation)
    return figure
