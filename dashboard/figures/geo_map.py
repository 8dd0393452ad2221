"""Map of regions or departments on a Plotly ``geo`` subplot, in a Lambert-like projection.

The overseas regions are drawn in insets west of mainland France inside the served GeoJSON,
so fitting the view to the drawn locations frames them too (the Carte and the slides give
explicit ranges instead, ``components.map_panel.view_range``: fitting costs a pass over every
vertex on each redraw). Every base layer is off: the map
shows only our polygons. Plotly still loads its base TopoJSON for a choropleth (its
``locationmode`` is set), so the page gives ``TOPOJSON_URL`` as the ``topojsonURL`` of the
graph's config; ``assets/topojson/`` holds an empty topology under the name Plotly asks for.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.choropleth import (
    FEATURE_ID_KEY,
    LABEL_TRACE,
    OUTLINE_TRACE,
    LegendItem,
    apply_changes,
    area_traces,
    figure_changes,
)
from dashboard.figures.template import TEXT_COLOUR, phare_template
from dashboard.views.classification import Classification, NoValueState

# dcc.Graph(config={"topojsonURL": TOPOJSON_URL}); Plotly appends "<scope>_<resolution>m.json".
TOPOJSON_URL = "/assets/topojson/"
OUTLINE_COLOUR = "#3a3a3a"
# Dark text in a white halo: readable on the light and on the dark classes.
LABEL_FONT = {
    "size": 12,
    "color": TEXT_COLOUR,
    "shadow": "-1px -1px 0 #fff, 1px -1px 0 #fff, -1px 1px 0 #fff, 1px 1px 0 #fff",
}

GEO_LAYOUT = {
    # Lambert-93's standard parallels; no rotation: fitbounds centres the view itself (a set
    # rotation stops it from fitting, checked in Chromium with plotly.js 4.1).
    "projection": {"type": "conic conformal", "parallels": [44, 49]},
    "fitbounds": "locations",
    "visible": False,
    "showland": False,
    "showcoastlines": False,
    "showcountries": False,
    "showframe": False,
    "showlakes": False,
    "showocean": False,
    "showrivers": False,
    "showsubunits": False,
    "bgcolor": "#ffffff",
}


def build_geo_choropleth(
    frame: pd.DataFrame,
    classification: Classification,
    geometry_url: str,
    states: tuple[NoValueState, ...],
    legend_items: tuple[LegendItem, ...],
    legend_title: str,
    *,
    outline_url: str | None = None,
    outline_codes: tuple[str, ...] = (),
    lang: str = "fr",
) -> go.Figure:
    """Map of ``frame`` (one row per drawn territory, see ``choropleth.figure_changes``).

    ``outline_url`` and ``outline_codes``: a coarser level (the regions above departments)
    drawn as thicker boundaries over the areas, without fill and without hover. ``lang``: the
    language of the page (number separators).
    """
    if outline_url is not None and not outline_codes:
        raise ValueError("an outline needs the codes of the features to draw")
    traces = area_traces(go.Choropleth, geometry_url, states)
    if outline_url is not None:
        traces.append(_outline_trace(outline_url, outline_codes))
    traces.append(
        go.Scattergeo(
            name=LABEL_TRACE, mode="text", textfont=LABEL_FONT, hoverinfo="skip", showlegend=False
        )
    )
    figure = go.Figure(
        data=traces,
        layout={
            "template": phare_template(lang),
            "showlegend": False,
            "geo": GEO_LAYOUT,
            "dragmode": "pan",
            "uirevision": geometry_url,
        },
    )
    changes = figure_changes(
        frame,
        classification,
        states,
        legend_items,
        legend_title,
        outline=outline_url is not None,
    )
    return apply_changes(figure, changes)


def _outline_trace(outline_url: str, codes: tuple[str, ...]) -> go.Choropleth:
    return go.Choropleth(
        name=OUTLINE_TRACE,
        geojson=outline_url,
        featureidkey=FEATURE_ID_KEY,
        locations=list(codes),
        z=[0] * len(codes),
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        showscale=False,
        marker={"line": {"color": OUTLINE_COLOUR, "width": 1.5}},
        hoverinfo="skip",
    )
