"""Where a commune is: its region, its department inside it, and the commune as a point.

A small ``geo`` map in the Carte's projection. The outlines come by URL (the static region and
department files the browser already caches), so the figure itself is a few hundred bytes.
The page's graph config needs ``topojsonURL`` (see ``geo_map.TOPOJSON_URL``) so that Plotly's
base topology is read from the app, never from a CDN.
"""

from __future__ import annotations

from html import escape

import plotly.graph_objects as go

from dashboard.figures.choropleth import FEATURE_ID_KEY
from dashboard.figures.geo_map import GEO_LAYOUT, OUTLINE_COLOUR
from dashboard.figures.template import TEXT_COLOUR, phare_template

REGION_FILL = "#deebf7"
DEPARTMENT_FILL = "#9ecae1"
POINT_COLOUR = "#b2182b"  # dark red: apart from both blues, and from the outline
POINT_SIZE = 11
NAME_FONT = {
    "size": 13,
    "color": TEXT_COLOUR,
    "shadow": "-1px -1px 0 #fff, 1px -1px 0 #fff, -1px 1px 0 #fff, 1px 1px 0 #fff",
}
REGION_TRACE, DEPARTMENT_TRACE, COMMUNE_TRACE = "region", "departement", "commune"


def build_locator(
    regions_url: str,
    departments_url: str,
    region: str,
    department: str,
    point: tuple[float, float],
    name: str,
    lang: str = "fr",
) -> go.Figure:
    """The region ``region`` filled light, its department ``department`` darker, and the
    commune ``name`` at ``point`` (lon, lat). The view fits the region."""
    lon, lat = point
    return go.Figure(
        data=[
            _area(REGION_TRACE, regions_url, region, REGION_FILL, 1.5),
            _area(DEPARTMENT_TRACE, departments_url, department, DEPARTMENT_FILL, 1),
            go.Scattergeo(
                name=COMMUNE_TRACE,
                lon=[lon],
                lat=[lat],
                mode="markers+text",
                text=[escape(name)],
                textposition="top center",
                textfont=NAME_FONT,
                marker={
                    "size": POINT_SIZE,
                    "color": POINT_COLOUR,
                    "line": {"color": "#ffffff", "width": 2},
                },
                hovertemplate="%{text}<extra></extra>",
                showlegend=False,
            ),
        ],
        layout={
            "template": phare_template(lang),
            "showlegend": False,
            "geo": GEO_LAYOUT,
            "dragmode": False,
        },
    )


def _area(name: str, url: str, code: str, fill: str, width: float) -> go.Choropleth:
    return go.Choropleth(
        name=name,
        geojson=url,
        featureidkey=FEATURE_ID_KEY,
        locations=[code],
        z=[0],
        colorscale=[[0, fill], [1, fill]],
        showscale=False,
        marker={"line": {"color": OUTLINE_COLOUR, "width": width}},
        hoverinfo="skip",
    )
