"""Heatmap of a cross-table: one row per fragility (under its group, optionally), one column
per actor or segment, for tables too large for small multiples (more than 4 columns or 40
cells, up to 16 × 17).

Colours are the maps' sequential scale (``YlGnBu`` over ``SEQUENTIAL_RANGE``) stretched over
the indicator's full scale, so two heatmaps of one indicator compare. Every cell writes its
value; a cell without one is drawn light grey with its text ("non publié") by a second heatmap
holding only those cells, so it is never a blank gap. Each value's text is dark or white,
whichever contrasts more with the colour of its cell (computed here, on the same scale).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.colors import hex_to_rgb, sample_colorscale, unlabel_rgb

from dashboard.figures.dots import add_caption, caption_height
from dashboard.figures.template import TEXT_COLOUR, phare_template
from dashboard.figures.watermark import with_watermark
from dashboard.text.markup import escape
from dashboard.views.classification import COLOURSCALE, SEQUENTIAL_RANGE

VALUES_TRACE, MISSING_TRACE = "values", "missing"
HOVER_TEMPLATE = "%{customdata}<extra></extra>"
MISSING_FILL = "#f0f0f0"
MISSING_TEXT = "#595959"  # 6:1 on the light grey
DARK_TEXT, LIGHT_TEXT = TEXT_COLOUR, "#ffffff"
SCALE_STEPS = 11  # stops sampled from COLOURSCALE: Plotly interpolates linearly between them
CELL_GAP_PX = 2
CELL_FONT_SIZE = 12
# Beyond 8 columns a cell is about 45 px wide on a 1,200 px page: "non publié" is written
# smaller, on two lines.
NARROW_COLUMNS = 8
NARROW_FONT_SIZE = 10
ROW_PX = 28
MIN_PLOT_PX = 84  # three rows: room for a one-row table's hover and watermark
HEADER_PX = 36  # column labels written flat, on one line
# Column labels are written flat when the longest fits the width a column gets of a table
# about TABLE_PX wide (at CHAR_PX a character), and at an angle otherwise.
TABLE_PX = 800
CHAR_PX = 7
LABEL_ANGLE = -40
ANGLED_CHAR_PX = 5  # height an angled character adds to the header (7 px × sin 40°)
COLOURBAR_PX = 360  # length of the horizontal colour bar under the table
COLOURBAR_GAP_PX = 10  # between the table and the colour bar


def heatmap_figure(
    row_labels: Sequence[str] | tuple[Sequence[str], Sequence[str]],
    column_labels: Sequence[str],
    values: np.ndarray,
    texts: Sequence[Sequence[str]],
    hover: Sequence[Sequence[str]],
    *,
    value_range: tuple[float, float],
    caption: str,
    colour_title: str,
    simulated: bool,
    lang: str,
) -> go.Figure:
    """``values`` (rows × columns, NaN where there is none) as coloured cells.

    ``row_labels``: a list, or (groups, labels) for a two-level axis, top to bottom.
    ``texts``: what each cell writes, formatted, plain text ("7,1", "non publié").
    ``hover``: each cell's hover, already escaped. ``value_range``: the indicator's full scale,
    the ends of the colour scale. ``caption`` (source, question, base, date; may hold
    ``<br>``) is written under the table, with the colour bar between them.
    """
    values = np.asarray(values, dtype=float)
    y = row_axis(row_labels)
    columns = [escape(label) for label in column_labels]
    _check(values, y, columns, texts, hover, value_range)
    common = {
        "x": columns,
        "y": y,
        "customdata": [list(row) for row in hover],
        "hovertemplate": HOVER_TEMPLATE,  # hover in customdata: text is what a cell writes
        "hoverongaps": False,  # each cell hovers in the one trace that draws it
        "texttemplate": "%{text}",
        "xgap": CELL_GAP_PX,
        "ygap": CELL_GAP_PX,
    }
    plot_px = max(values.shape[0] * ROW_PX, MIN_PLOT_PX)
    narrow = len(columns) > NARROW_COLUMNS
    traces = [
        _missing_trace(texts, np.isnan(values), common, narrow=narrow),
        _values_trace(values, texts, value_range, colour_title, plot_px, common),
    ]
    header, under = header_height(column_labels), caption_height(caption)
    figure = go.Figure(data=traces, layout=_layout(column_labels, header, plot_px, under, lang))
    add_caption(figure, caption)
    return with_watermark(figure, simulated, lang)


def _missing_trace(
    texts: Sequence[Sequence[str]], missing: np.ndarray, common: dict, *, narrow: bool
) -> go.Heatmap:
    """The cells without a value, light grey, each writing why ("non publié")."""
    return go.Heatmap(
        name=MISSING_TRACE,
        z=np.where(missing, 0.0, np.nan),
        zmin=0,
        zmax=1,
        colorscale=[[0, MISSING_FILL], [1, MISSING_FILL]],
        showscale=False,
        text=_texts(texts, missing, lambda row, column: None, wrap=narrow),
        textfont={"color": MISSING_TEXT, "size": NARROW_FONT_SIZE if narrow else CELL_FONT_SIZE},
        **common,
    )


def _values_trace(
    values: np.ndarray,
    texts: Sequence[Sequence[str]],
    value_range: tuple[float, float],
    colour_title: str,
    plot_px: int,
    common: dict,
) -> go.Heatmap:
    """The cells with a value, on the colour scale, each text dark or white on its colour."""
    scale = heatmap_colourscale()
    colours = cell_colours(values, value_range, scale)
    return go.Heatmap(
        name=VALUES_TRACE,
        z=values,
        zmin=value_range[0],
        zmax=value_range[1],
        colorscale=scale,
        text=_texts(
            texts, ~np.isnan(values), lambda row, column: text_colour(colours[row][column])
        ),
        textfont={"size": CELL_FONT_SIZE},
        colorbar=_colour_bar(colour_title, plot_px),
        **common,
    )


def _layout(column_labels: Sequence[str], header: int, plot_px: int, under: int, lang: str) -> dict:
    """Column labels on top (flat or at an angle), rows top to bottom, the caption under."""
    return {
        "template": phare_template(lang),
        "showlegend": False,
        "height": header + plot_px + under,
        "margin": {"l": 10, "r": 40, "t": header, "b": under},
        "xaxis": {
            "side": "top",
            "tickangle": 0 if labels_fit(column_labels) else LABEL_ANGLE,
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
        },
        "yaxis": {
            "autorange": "reversed",
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
        },
    }


def row_axis(row_labels: Sequence[str] | tuple[Sequence[str], Sequence[str]]) -> list:
    """The y values: a list of labels, or [groups, labels] for Plotly's two-level axis."""
    if (
        isinstance(row_labels, tuple)
        and len(row_labels) == 2
        and not isinstance(row_labels[0], str)
    ):
        groups, labels = row_labels
        return [[escape(group) for group in groups], [escape(label) for label in labels]]
    return [escape(label) for label in row_labels]


def heatmap_colourscale() -> list[list]:
    """The maps' sequential scale, from its light to its dark end, as a Plotly colour scale."""
    first, last = SEQUENTIAL_RANGE
    colours = sample_colorscale(COLOURSCALE, list(np.linspace(first, last, SCALE_STEPS)))
    positions = np.linspace(0, 1, SCALE_STEPS)
    return [[round(float(p), 6), colour] for p, colour in zip(positions, colours, strict=True)]


def cell_colours(
    values: np.ndarray, value_range: tuple[float, float], scale: list[list]
) -> list[list[str | None]]:
    """The colour Plotly draws in each cell (None without a value): values outside the range
    take the colour of its nearer end."""
    low, high = value_range
    shares = np.clip((values - low) / (high - low), 0, 1)
    return [
        [None if np.isnan(share) else sample_colorscale(scale, [float(share)])[0] for share in row]
        for row in shares
    ]


def text_colour(background: str) -> str:
    """Dark or white text, whichever has the larger WCAG contrast with ``background``."""
    background_lum = _luminance(background)
    white = (_luminance(LIGHT_TEXT) + 0.05) / (background_lum + 0.05)
    dark = (background_lum + 0.05) / (_luminance(DARK_TEXT) + 0.05)
    return LIGHT_TEXT if white > dark else DARK_TEXT


def labels_fit(column_labels: Sequence[str]) -> bool:
    """Whether the column labels fit flat above their columns (see ``TABLE_PX``)."""
    longest = max((len(label) for label in column_labels), default=0)
    return longest * CHAR_PX <= TABLE_PX / max(len(column_labels), 1)


def header_height(column_labels: Sequence[str]) -> int:
    """Pixels above the table for the column labels, flat or at an angle."""
    if labels_fit(column_labels):
        return HEADER_PX
    return HEADER_PX + ANGLED_CHAR_PX * max(len(label) for label in column_labels)


def _check(
    values: np.ndarray,
    y: list,
    columns: list[str],
    texts: Sequence[Sequence[str]],
    hover: Sequence[Sequence[str]],
    value_range: tuple[float, float],
) -> None:
    two_levels = bool(y) and isinstance(y[0], list)
    rows = list(zip(*y, strict=True)) if two_levels else y
    shape = (len(rows), len(columns))
    if values.shape != shape:
        raise ValueError(f"values are {values.shape} for {shape[0]} rows × {shape[1]} columns")
    for name, table in (("texts", texts), ("hover", hover)):
        if len(table) != shape[0] or any(len(row) != shape[1] for row in table):
            raise ValueError(f"{name} must have {shape[0]} rows of {shape[1]} cells")
    for name, labels in (("rows", rows), ("columns", columns)):
        if len(set(labels)) != len(labels):
            raise ValueError(f"two {name} have the same label: Plotly would draw them as one")
    if np.isinf(values).any():
        raise ValueError("values must be finite numbers or NaN (missing); got an infinite value")
    if not value_range[0] < value_range[1]:
        raise ValueError(f"the value range must go up, not {value_range}")


def _texts(
    texts: Sequence[Sequence[str]],
    drawn: np.ndarray,
    colour_of: Callable[[int, int], str | None],
    *,
    wrap: bool = False,
) -> list[list[str]]:
    """Each cell's escaped text where ``drawn``, "" elsewhere; in the colour
    ``colour_of(row, column)`` when it gives one; ``wrap``: on two lines, broken at the first
    space."""
    result = []
    for row, line in enumerate(texts):
        cells = []
        for column, text in enumerate(line):
            if not drawn[row, column]:
                cells.append("")
                continue
            cell = escape(text).replace(" ", "<br>", 1) if wrap else escape(text)
            colour = colour_of(row, column)
            cells.append(f'<span style="color:{colour}">{cell}</span>' if colour else cell)
        result.append(cells)
    return result


def _colour_bar(title: str, plot_px: int) -> dict:
    """A horizontal bar under the table, where a bottom axis would have its labels."""
    return {
        "orientation": "h",
        "title": {"text": escape(title), "side": "right", "font": {"size": 12}},
        "x": 0,
        "xanchor": "left",
        "xref": "paper",
        "y": -COLOURBAR_GAP_PX / plot_px,
        "yanchor": "top",
        "lenmode": "pixels",
        "len": COLOURBAR_PX,
        "thickness": 12,
        "outlinewidth": 0,
        "tickfont": {"size": 11},
    }


def _luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb`` or ``rgb(r, g, b)``."""
    rgb = hex_to_rgb(colour) if colour.startswith("#") else unlabel_rgb(colour)
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in (float(v) / 255 for v in rgb)
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
