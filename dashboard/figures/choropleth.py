"""What every PHARE map shares: traces of areas, hover texts, the legend drawn in the figure.

The geometry is never in the figure: Plotly fetches it once from a URL and the figure carries
only codes, class indices and texts. Traces come in a fixed order so that partial updates can
address them by index:

0. ``ok``: the territories with a value, coloured by class on a stepped scale;
1..m. one grey trace per no-value state, in the order of ``states``, even when empty;
then the region outline (department maps, optional), then the label trace (geo maps only).

``figure_changes`` computes everything that changes between two filter choices; the full
builders (``geo_map``, ``tile_map``) apply it to constant traces, so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.template import BORDER_COLOUR
from dashboard.text.markup import escape
from dashboard.views.classification import Classification, NoValueState

VALUE_STATUS = "ok"
OUTLINE_TRACE = "outline"
LABEL_TRACE = "labels"
FEATURE_ID_KEY = "id"  # the served GeoJSON carries each INSEE code as the feature's top-level id
HOVER_TEMPLATE = "%{text}<extra></extra>"
LABEL_DECIMALS = 3  # about 100 m: enough to place a label, short on the wire
# The name of the legend's annotations and shapes: the Carte's page hides them when its box is
# narrow and shows the same legend as HTML under the map instead (assets/map_fit.js).
LEGEND_NAME = "legend"

# Legend drawn in the left margin, in pixels, so that PNG/SVG exports carry it.
LEGEND_FONT_SIZE = 12
LEGEND_ROW_PX = 20
LEGEND_SWATCH_PX = 14
LEGEND_PAD_PX = 10
LEGEND_GAP_PX = 8
LEGEND_CHAR_PX = 7  # average advance of a 12 px character, to size the margin
LEGEND_MIN_PX, LEGEND_MAX_PX = 140, 320
LEGEND_COUNT_COLOUR = "#595959"
LEGEND_SWATCH_LINE = "#9e9e9e"


@dataclass(frozen=True)
class LegendItem:
    """One legend line: swatch colour, label (class bounds or state) and count, plain text.

    Without a colour, a note under the classes (the scale shown, the regions against France):
    its text from the swatch's place, without swatch."""

    colour: str
    label: str
    count: str


def hover_texts(frame: Mapping[str, Sequence], with_names: bool = True) -> list[str]:
    """``<b>name</b><br>line<br>line…`` for each row of ``frame`` (its ``name`` and
    ``details`` columns: a DataFrame, or lists by column name), every piece escaped.

    ``with_names=False``: the lines only, for maps whose hover template takes the name from
    the geometry (34,746 commune names need not travel with every filter change)."""
    if not with_names:  # thousands of communes share a few dozen texts: escape each once
        details = [tuple(_lines(d)) for d in frame["details"]]
        texts = {d: "<br>".join(escape(line) for line in d) for d in set(details)}
        return [texts[d] for d in details]
    return [
        "<br>".join([f"<b>{escape(name)}</b>", *(escape(line) for line in _lines(details))])
        for name, details in zip(frame["name"], frame["details"], strict=True)
    ]


def stepped_colourscale(colours: Sequence[str]) -> list[list]:
    """A colour scale with one flat step per class, for ``z`` = class index."""
    colours = list(colours) or [BORDER_COLOUR]
    k = len(colours)
    stepped = []
    for index, colour in enumerate(colours):
        stepped += [[index / k, colour], [(index + 1) / k, colour]]
    return stepped


def area_traces(
    trace_type: type[go.Choropleth] | type[go.Choroplethmap],
    geometry_url: str,
    states: tuple[NoValueState, ...],
    hovertemplate: str = HOVER_TEMPLATE,
    border_px: float = 1,
) -> list:
    """The constant part of the value trace and of one trace per no-value state (``border_px``:
    width of the areas' borders, 0 for none)."""
    common = {
        "geojson": geometry_url,
        "featureidkey": FEATURE_ID_KEY,
        "showscale": False,
        "hovertemplate": hovertemplate,
    }
    values = trace_type(
        name=VALUE_STATUS,
        zmin=-0.5,
        marker={"line": {"color": BORDER_COLOUR, "width": border_px}},
        **common,
    )
    greys = [
        trace_type(
            name=state.id,
            zmin=0,
            zmax=1,
            colorscale=[[0, state.fill], [1, state.fill]],
            marker={"line": {"color": state.border or BORDER_COLOUR, "width": border_px}},
            **common,
        )
        for state in states
    ]
    return [values, *greys]


def figure_changes(
    frame: pd.DataFrame,
    classification: Classification,
    states: tuple[NoValueState, ...],
    legend_items: tuple[LegendItem, ...],
    legend_title: str,
    *,
    outline: bool = False,
    labels: bool = True,
    names_from_geometry: bool = False,
) -> dict:
    """What changes in a map between two filter choices, for a ``dash.Patch``.

    ``{"data": {trace index: {property: value}}, "layout": {"annotations", "shapes",
    "margin"}}``. ``outline`` says whether the figure has the outline trace (it shifts the
    label trace by one); ``labels`` is False for maps without a label trace (communes);
    ``names_from_geometry``: the hover template reads names from the features (communes).
    No geometry and no per-point constants beyond the ``z`` Plotly needs for each area.
    """
    check_statuses(frame, states)
    names = not names_from_geometry
    rows_of = _rows_by_status(frame, ["code", "details", "class_index"] + ["name"] * names)
    data = {0: _value_changes(rows_of(VALUE_STATUS), classification, names)}
    for index, state in enumerate(states, start=1):
        rows = rows_of(state.id)
        data[index] = {
            "locations": rows["code"],
            "z": [0] * len(rows["code"]),
            "text": hover_texts(rows, names),
        }
    if labels:
        data[len(states) + 1 + int(outline)] = _label_changes(frame)
    return {"data": data, "layout": legend_layout(legend_items, legend_title)}


def apply_changes(figure: go.Figure, changes: dict) -> go.Figure:
    """Apply ``figure_changes``' output to a full figure (what a Patch does in the browser)."""
    for index, update in changes["data"].items():
        figure.data[index].update(update)
    figure.update_layout(changes["layout"])
    return figure


def legend_layout(legend_items: tuple[LegendItem, ...], legend_title: str) -> dict:
    """Swatches (shapes) and texts (annotations) in a left margin reserved for them.

    Positions are in pixels from the plot area's bottom-left corner, so the legend keeps its
    size whatever the figure's size; the margin's width follows the longest text. Every piece
    is named :data:`LEGEND_NAME`, so that a page can tell them from other annotations.
    """
    if not legend_items and not legend_title:
        return {"annotations": [], "shapes": [], "margin": {"l": 0, "r": 0, "t": 0, "b": 0}}
    width = _legend_width(legend_items, legend_title)
    rows = len(legend_items) + int(bool(legend_title))
    left = LEGEND_PAD_PX - width
    annotations, shapes = [], []
    if legend_title:
        annotations.append(_legend_text(f"<b>{escape(legend_title)}</b>", left, _row_y(0, rows)))
    for row, item in enumerate(legend_items, start=int(bool(legend_title))):
        y = _row_y(row, rows)
        if not item.colour:
            annotations.append(_legend_text(_item_text(item), left, y))
            continue
        shapes.append(_swatch(item.colour, left, y))
        annotations.append(
            _legend_text(_item_text(item), left + LEGEND_SWATCH_PX + LEGEND_GAP_PX, y)
        )
    return {
        "annotations": annotations,
        "shapes": shapes,
        "margin": {"l": width, "r": 0, "t": 0, "b": 0},
    }


def _lines(details: str | Iterable[str]) -> Iterable[str]:
    return [details] if isinstance(details, str) else details


def _rows_by_status(frame: pd.DataFrame, columns: list[str]) -> Callable[[str], dict[str, list]]:
    """A function giving, for a status, ``columns`` of the rows with it (as lists): the
    frame is split once, not copied whole for each trace (a tenth of a region map's time)."""
    status = frame["status"].to_numpy(dtype=object)
    arrays = {name: frame[name].to_numpy(dtype=object) for name in columns}
    positions = {state: np.flatnonzero(status == state) for state in set(status)}
    nowhere = np.array([], dtype=int)

    def rows(state: str) -> dict[str, list]:
        where = positions.get(state, nowhere)
        return {name: array[where].tolist() for name, array in arrays.items()}

    return rows


def check_statuses(frame: pd.DataFrame, states: Iterable[NoValueState]) -> None:
    """Every row's status is ``ok`` or one of ``states``: an unknown one would be drawn nowhere."""
    known = {VALUE_STATUS, *(state.id for state in states)}
    unknown = sorted(set(frame["status"].unique()) - known)
    if unknown:
        raise ValueError(
            f"rows with unknown statuses {unknown} would not be drawn; known: {sorted(known)}"
        )


def _value_changes(rows: dict[str, list], classification: Classification, names: bool) -> dict:
    return {
        "locations": rows["code"],
        "z": [int(index) for index in rows["class_index"]],
        "text": hover_texts(rows, names),
        "colorscale": stepped_colourscale(classification.colours),
        "zmax": max(classification.k, 1) - 0.5,
    }


def _label_changes(frame: pd.DataFrame) -> dict:
    rows = [
        (lon, lat, label)
        for lon, lat, label in zip(frame["lon"], frame["lat"], frame["label"], strict=True)
        if str(label) != ""
    ]
    return {
        "lon": [round(float(lon), LABEL_DECIMALS) for lon, _, _ in rows],
        "lat": [round(float(lat), LABEL_DECIMALS) for _, lat, _ in rows],
        "text": [escape(label) for _, _, label in rows],
    }


def _legend_width(legend_items: tuple[LegendItem, ...], legend_title: str) -> int:
    swatch = LEGEND_SWATCH_PX + LEGEND_GAP_PX
    chars = [len(legend_title) - swatch // LEGEND_CHAR_PX]
    chars += [len(item.label) + 2 + len(item.count) for item in legend_items]
    width = 2 * LEGEND_PAD_PX + swatch + LEGEND_CHAR_PX * max(chars)
    return min(max(width, LEGEND_MIN_PX), LEGEND_MAX_PX)


def _row_y(row: int, rows: int) -> int:
    """Pixel height of the centre of ``row`` (0 = top) above the plot area's bottom."""
    return LEGEND_PAD_PX + (rows - 1 - row) * LEGEND_ROW_PX + LEGEND_ROW_PX // 2


def _item_text(item: LegendItem) -> str:
    if not item.count:
        return escape(item.label)
    count = f'<span style="color:{LEGEND_COUNT_COLOUR}">{escape(item.count)}</span>'
    return f"{escape(item.label)}  {count}"


def _legend_text(text: str, x: int, y: int) -> dict:
    return {
        "name": LEGEND_NAME,
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "xshift": x,
        "yshift": y,
        "xanchor": "left",
        "yanchor": "middle",
        "align": "left",
        "showarrow": False,
        "font": {"size": LEGEND_FONT_SIZE},
    }


def _swatch(colour: str, x: int, y: int) -> dict:
    half = LEGEND_SWATCH_PX / 2
    return {
        "name": LEGEND_NAME,
        "type": "rect",
        "xref": "paper",
        "yref": "paper",
        "xsizemode": "pixel",
        "ysizemode": "pixel",
        "xanchor": 0,
        "yanchor": 0,
        "x0": x,
        "x1": x + LEGEND_SWATCH_PX,
        "y0": y - half,
        "y1": y + half,
        "fillcolor": colour,
        "line": {"color": LEGEND_SWATCH_LINE, "width": 0.5},
    }
