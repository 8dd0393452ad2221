"""Small multiples: one region map per column of a cross-table, on one shared classification.

Every panel colours its territories by class index on the same stepped scale with the same
``zmin``/``zmax``, so a colour means the same class in every panel, and one legend (drawn in
the left margin, as on the single maps) serves them all. Each panel is a vector ``geo``
subplot (``geo``, ``geo2``…) with :data:`dashboard.figures.geo_map.GEO_LAYOUT`, placed on a
grid with room above it for its title.

The geometry is given as a string, like the single maps: a URL the page serves, or a geometry
level id that :func:`dashboard.exports.slides.for_image` replaces by the features each trace
draws (so every area trace keeps its ``locations``).

The panels and their classification are data (:mod:`dashboard.views.small_multiples`): the
class breaks are computed there, and drawn here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.choropleth import (
    LABEL_DECIMALS,
    LABEL_TRACE,
    LEGEND_PAD_PX,
    LEGEND_ROW_PX,
    VALUE_STATUS,
    LegendItem,
    area_traces,
    check_statuses,
    legend_layout,
    stepped_colourscale,
)
from dashboard.figures.geo_map import GEO_LAYOUT, LABEL_FONT
from dashboard.figures.template import phare_template
from dashboard.figures.watermark import with_watermark
from dashboard.text.markup import escape
from dashboard.views.classification import Classification, NoValueState
from dashboard.views.small_multiples import MapPanel, check_panel_count

MAX_COLUMNS = 4  # default columns when there are more panels than this
# Height of one row of maps, title included, by the number of columns: France with its
# overseas insets is about 2 high for 3 wide, so fewer, wider columns need taller rows
# (sized for a page about 1,200 px wide; the maps shrink to fit a narrower one).
ROW_PX = {1: 480, 2: 380, 3: 290, 4: 230}
# Smaller labels on the smaller maps of 3 or 4 columns, where Île-de-France is a few pixels.
LABEL_SIZE = {1: 12, 2: 12, 3: 11, 4: 11}
TITLE_PX = 26  # room above each map for its title
ROW_GAP_PX = 10  # between a map and the title of the panel below
TOP_PX, BOTTOM_PX = 6, 6
COLUMN_GAP = 0.02  # share of the plot width between two maps
FRAME_PAD = 0.1  # share of the label points' extent added around it (see frame_ranges)
EXTENT_PAD = 0.01  # share of the outlines' extent added around it (see fit_panels)
TITLE_NAME = "panel_title"
TITLE_FONT = {"size": 15}


def small_multiples_figure(
    panels: Sequence[MapPanel],
    classification: Classification,
    class_indices: Sequence[Sequence[int]],
    geometry: str,
    states: tuple[NoValueState, ...],
    legend_items: tuple[LegendItem, ...],
    legend_title: str,
    *,
    labels: bool,
    columns: int | None = None,
    simulated: bool,
    lang: str,
) -> go.Figure:
    """A grid of maps, one per panel, on ``classification`` (see
    :func:`dashboard.views.small_multiples.shared_classification`).

    ``class_indices``: per panel, the class of each frame row (-1 without a value).
    ``geometry``: the ``geojson`` of every area trace (URL or geometry level id). ``labels``:
    write each row's ``label`` on its territory. ``columns``: maps per row (default: all of
    them up to 4, then 4).
    """
    check_panel_count(panels)
    if len(class_indices) != len(panels):
        raise ValueError(f"{len(class_indices)} lists of class indices for {len(panels)} panels")
    for panel in panels:
        check_statuses(panel.frame, states)
    columns = columns or (MAX_COLUMNS if len(panels) > MAX_COLUMNS else len(panels))
    if columns < 1:
        raise ValueError(f"the number of columns must be at least 1, not {columns}")
    size = min(columns, MAX_COLUMNS)
    rows = math.ceil(len(panels) / columns)
    plot_px = max(rows * ROW_PX[size], legend_height(legend_items, legend_title))
    domains = panel_domains(len(panels), columns, plot_px)
    frame_shape = frame_ranges(panels)
    font = {**LABEL_FONT, "size": LABEL_SIZE[size]} if labels else None
    traces, geos = [], {}
    for index, (panel, indices) in enumerate(zip(panels, class_indices, strict=True)):
        geo = geo_id(index)
        traces += panel_traces(panel, indices, classification, geometry, states, geo, labels=font)
        geos[geo] = {**GEO_LAYOUT, **frame_shape, "domain": domains[index]}
    legend = legend_layout(legend_items, legend_title)
    titles = [_title(panel.title, domain) for panel, domain in zip(panels, domains, strict=True)]
    figure = go.Figure(
        data=traces,
        layout={
            "template": phare_template(lang),
            "showlegend": False,
            "height": plot_px + TOP_PX + BOTTOM_PX,
            "margin": {"l": legend["margin"]["l"], "r": 0, "t": TOP_PX, "b": BOTTOM_PX},
            "annotations": [*legend["annotations"], *titles],
            "shapes": legend["shapes"],
            **geos,
        },
    )
    return with_watermark(figure, simulated, lang)


def geo_id(index: int) -> str:
    """The subplot of panel ``index``: ``geo``, ``geo2``, ``geo3``…"""
    return "geo" if index == 0 else f"geo{index + 1}"


def panel_domains(count: int, columns: int, plot_px: int) -> list[dict]:
    """Each map's ``domain`` (paper shares), row by row from the top left, below its title.

    Maps of one row share its height less the title above and a gap below; columns are
    separated by :data:`COLUMN_GAP`. No two domains overlap.
    """
    rows = math.ceil(count / columns)
    row_share = 1 / rows
    title, gap = TITLE_PX / plot_px, ROW_GAP_PX / plot_px
    domains = []
    for index in range(count):
        row, column = divmod(index, columns)
        top = 1 - row * row_share
        bottom = top - row_share + (gap if row < rows - 1 else 0)
        domains.append(
            {
                "x": [
                    _share(column / columns + COLUMN_GAP / 2),
                    _share((column + 1) / columns - COLUMN_GAP / 2),
                ],
                "y": [_share(bottom), _share(top - title)],
            }
        )
    return domains


def frame_ranges(panels: Sequence[MapPanel]) -> dict:
    """Longitude and latitude ranges around every panel's label points, to shape each map's
    frame; ``{}`` without a finite point.

    ``fitbounds`` still scales and centres the view on the drawn locations, but it fits them
    into a frame whose shape follows these ranges (by default the world's, twice as wide as
    high, which leaves France small in the middle of a panel). The label points lie inside
    the territories, so the ranges are padded by a share of the extent.
    """
    points = pd.concat([panel.frame[["lon", "lat"]] for panel in panels]).astype(float)
    points = points[np.isfinite(points).all(axis=1)]
    if points.empty:
        return {}
    west, east = points["lon"].min(), points["lon"].max()
    south, north = points["lat"].min(), points["lat"].max()
    pad_lon, pad_lat = (east - west) * FRAME_PAD + 0.5, (north - south) * FRAME_PAD + 0.5
    return {
        "lonaxis": {"range": [round(west - pad_lon, 3), round(east + pad_lon, 3)]},
        "lataxis": {"range": [round(south - pad_lat, 3), round(north + pad_lat, 3)]},
    }


def fit_panels(figure: go.Figure, extent: tuple[float, float, float, float]) -> go.Figure:
    """A copy of ``figure`` whose every panel shows ``extent`` (west, south, east, north of the
    drawn territories' outlines), a little padded, instead of fitting to the label points.

    Plotly fits these ranges into each panel's domain keeping their shape, so the map fills
    its panel's binding side; with ``fitbounds`` the frame took another shape and France
    filled about a third of its panel.
    """
    west, south, east, north = extent
    pad_lon, pad_lat = (east - west) * EXTENT_PAD, (north - south) * EXTENT_PAD
    return go.Figure(figure).update_geos(
        fitbounds=False,
        lonaxis_range=[round(west - pad_lon, 3), round(east + pad_lon, 3)],
        lataxis_range=[round(south - pad_lat, 3), round(north + pad_lat, 3)],
        center={"lon": round((west + east) / 2, 3), "lat": round((south + north) / 2, 3)},
    )


def legend_height(legend_items: tuple[LegendItem, ...], legend_title: str) -> int:
    """Pixels the legend needs above the bottom of the plot area (see ``legend_layout``)."""
    rows = len(legend_items) + int(bool(legend_title))
    return 2 * LEGEND_PAD_PX + rows * LEGEND_ROW_PX


def panel_traces(
    panel: MapPanel,
    indices: Sequence[int],
    classification: Classification,
    geometry: str,
    states: tuple[NoValueState, ...],
    geo: str,
    *,
    labels: dict | None,
) -> list:
    """The value trace, one trace per no-value state the panel has, then its labels written
    in the font ``labels`` (none when ``None``)."""
    frame = panel.frame
    classes = np.asarray(indices, dtype=int)
    if len(classes) != len(frame):
        raise ValueError(
            f"panel {panel.title!r}: {len(classes)} class indices for {len(frame)} rows"
        )
    has_value = (frame["status"] == VALUE_STATUS).to_numpy()
    if (classes[has_value] < 0).any() or (classes >= max(classification.k, 1)).any():
        raise ValueError(f"panel {panel.title!r}: a row with a value has no class")
    values, *greys = area_traces(go.Choropleth, geometry, states)
    rows = frame[has_value]
    values.update(
        geo=geo,
        locations=rows["code"].astype(str).tolist(),
        z=classes[has_value].tolist(),
        text=rows["text"].tolist(),
        colorscale=stepped_colourscale(classification.colours),
        zmax=max(classification.k, 1) - 0.5,
    )
    traces = [values]
    for state, grey in zip(states, greys, strict=True):
        rows = frame[frame["status"] == state.id]
        if rows.empty:
            continue
        grey.update(
            geo=geo,
            locations=rows["code"].astype(str).tolist(),
            z=[0] * len(rows),
            text=rows["text"].tolist(),
        )
        traces.append(grey)
    if labels is not None:
        traces.append(_label_trace(frame, geo, labels))
    return traces


def _label_trace(frame: pd.DataFrame, geo: str, font: dict) -> go.Scattergeo:
    rows = frame[frame["label"].astype(str) != ""]
    return go.Scattergeo(
        name=LABEL_TRACE,
        geo=geo,
        mode="text",
        lon=[round(float(lon), LABEL_DECIMALS) for lon in rows["lon"]],
        lat=[round(float(lat), LABEL_DECIMALS) for lat in rows["lat"]],
        text=[escape(label) for label in rows["label"]],
        textfont=font,
        hoverinfo="skip",
        showlegend=False,
    )


def _title(title: str, domain: dict) -> dict:
    """The panel's title, centred over its map, in the room left above the domain."""
    (left, right), (_, top) = domain["x"], domain["y"]
    return {
        "name": TITLE_NAME,
        "text": f"<b>{escape(title)}</b>",
        "xref": "paper",
        "yref": "paper",
        "x": (left + right) / 2,
        "y": top,
        "xanchor": "center",
        "yanchor": "bottom",
        "showarrow": False,
        "font": TITLE_FONT,
    }


def _share(value: float) -> float:
    """A paper share rounded (no 0.30000000000000004 on the wire) and kept inside [0, 1]."""
    return min(max(round(value, 6), 0.0), 1.0)
