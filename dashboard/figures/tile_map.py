"""Map of communes on a tile-less MapLibre map (``Choroplethmap``), fitted to an extent.

Communes are too many and too small for the ``geo`` subplot; the map pans and zooms like a
web map on a white background. No label trace: MapLibre would fetch fonts for map texts from
a remote server, and commune maps show classes, never few enough values for labels.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.choropleth import LegendItem, apply_changes, area_traces, figure_changes
from dashboard.figures.template import phare_template
from dashboard.views.classification import Classification, NoValueState

MAP_SIZE_PX = (900, 620)  # the figure's usual size on the page
# The name comes from the served feature (``nom``, checked free of markup when the geodata is
# built): 34,746 names need not travel with each filter change. Details are escaped in ``text``.
COMMUNE_HOVER = "<b>%{properties.nom}</b><br>%{text}<extra></extra>"
WORLD_PX = 512  # MapLibre: the whole world is 512 px wide at zoom 0
MAX_ZOOM = 16.0
FIT_PADDING = 0.05  # share of each side left around the extent
FIT_PX_KEY = "fitPx"  # layout.meta's entry read by assets/map_fit.js: see fitted_px


def build_commune_choropleth(
    frame: pd.DataFrame,
    classification: Classification,
    geometry_url: str,
    states: tuple[NoValueState, ...],
    legend_items: tuple[LegendItem, ...],
    legend_title: str,
    extent: tuple[float, float, float, float],
    *,
    size_px: tuple[int, int] = MAP_SIZE_PX,
    lang: str = "fr",
    border_px: float = 1,
) -> go.Figure:
    """Map of ``frame`` fitted to ``extent`` (min_lon, min_lat, max_lon, max_lat).

    Partial updates: ``figure_changes(..., labels=False)``. ``lang``: number separators.
    ``border_px``: the communes' borders (0: none; MapLibre then builds no border lines).
    """
    figure = go.Figure(
        data=area_traces(go.Choroplethmap, geometry_url, states, COMMUNE_HOVER, border_px),
        layout={
            "template": phare_template(lang),
            "showlegend": False,
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
        labels=False,
        names_from_geometry=True,
    )
    apply_changes(figure, changes)
    width = size_px[0] - changes["layout"]["margin"]["l"]
    center, zoom = view_for_extent(extent, (width, size_px[1]))
    figure.update_layout(
        map={"style": "white-bg", "center": center, "zoom": zoom},
        meta={FIT_PX_KEY: fitted_px(extent, zoom)},
    )
    return figure


def view_for_extent(
    extent: tuple[float, float, float, float],
    size_px: tuple[int, int],
    padding: float = FIT_PADDING,
) -> tuple[dict[str, float], float]:
    """Centre and zoom (Web Mercator) that show ``extent`` whole in ``size_px`` pixels."""
    min_lon, min_lat, max_lon, max_lat = extent
    width, height = (side * (1 - 2 * padding) for side in size_px)
    low, high = _mercator_y(min_lat), _mercator_y(max_lat)
    zooms = [MAX_ZOOM]
    if max_lon > min_lon:
        zooms.append(math.log2(width * 360 / ((max_lon - min_lon) * WORLD_PX)))
    if high > low:
        zooms.append(math.log2(height * 2 * math.pi / ((high - low) * WORLD_PX)))
    centre = {
        "lon": round((min_lon + max_lon) / 2, 4),
        "lat": round(_latitude((low + high) / 2), 4),
    }
    return centre, round(min(zooms), 2)


def fitted_px(
    extent: tuple[float, float, float, float], zoom: float, padding: float = FIT_PADDING
) -> list[float]:
    """Width and height in pixels of the box ``extent`` fills at ``zoom``, ``padding`` around it.

    The page draws the map at its own size and scales the server's zoom by how much bigger its
    drawing area is than this box, in the dimension that binds (``assets/map_fit.js``). Scaling
    by the figure's whole design size instead would shrink a wide region on a phone: the
    server's fit leaves the design's height partly empty, the phone's box does not."""
    min_lon, min_lat, max_lon, max_lat = extent
    world = WORLD_PX * 2**zoom
    width = (max_lon - min_lon) / 360 * world
    height = (_mercator_y(max_lat) - _mercator_y(min_lat)) / (2 * math.pi) * world
    return [round(side / (1 - 2 * padding), 1) for side in (width, height)]


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _latitude(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)
