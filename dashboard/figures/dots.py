"""Charts of the profile pages: values with intervals on one axis, and gaps centred on zero.

Pure builders: frames and texts in, a Plotly figure out. Each figure carries its caption
(source, question, base, date) inside, so a PNG export keeps it, and the simulated-data
watermark when the data is simulated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from dashboard.figures.row_labels import (
    LABEL_GAP,
    LABEL_LINE,
    headroom,
    label_rows,
    legend_room,
    narrow_caption,
    row_labels,
)
from dashboard.figures.template import TEXT_COLOUR, phare_template
from dashboard.figures.watermark import with_watermark

# Okabe-Ito: distinguishable with every common colour-vision deficiency; only its colours with
# at least 3:1 contrast on white (WCAG 1.4.11), enough for the four territories of Comparer.
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
FRANCE_COLOUR = TEXT_COLOUR
ABOVE, BELOW = "#542788", "#b35806"  # the two ends of PuOr, as the diverging map
ROW_MARKER = 16  # px per row for its markers, its label's lines above them come on top
MIN_PLOT = 160  # px: a chart of one or two rows keeps room for its scale
CAPTION_LINE = 16  # px per line of the caption under the plot
AXIS_TITLE = 62  # px between the plot and the caption: tick labels and axis title


@dataclass(frozen=True)
class DotSeries:
    """One territory's values over the chart's categories (NaN where nothing is published)."""

    name: str
    values: Sequence[float]
    lows: Sequence[float]
    highs: Sequence[float]
    markers: Sequence[str]  # "▲", "▼" or "" beside each value: significant differences
    hover: Sequence[str]  # one line per value, as the table shows it
    france: bool = False
    symbol: str = "circle"  # Plotly's marker symbol (France: an open diamond)
    hollow: Sequence[bool] = ()  # per value: drawn open (a reading its source marks uncertain)


def dot_chart(
    categories: tuple[Sequence[str], Sequence[str]] | Sequence[str],
    series: Sequence[DotSeries],
    *,
    caption: str,
    x_range: tuple[float, float],
    x_title: str,
    simulated: bool,
    lang: str,
) -> go.Figure:
    """Each series as dots with their 95 % intervals, one row per category, on one shared axis.

    ``categories`` is a list of labels, or (groups, labels) for a two-level axis (the
    fragilities under their group). France is drawn as an open diamond. Each row's label is
    written above its markers (:mod:`dashboard.figures.row_labels`): the scale keeps the
    chart's width on a phone.
    """
    y = [list(part) for part in categories] if isinstance(categories, tuple) else list(categories)
    labels = row_labels(categories)
    figure = go.Figure([_dot_trace(item, index, y) for index, item in enumerate(series)])
    caption = narrow_caption(caption)
    bottom = caption_height(caption)
    row = ROW_MARKER + LABEL_LINE * labels.lines
    above = LABEL_GAP + LABEL_LINE * labels.lines
    plot = (len(labels.texts) + headroom(row, above)) * row
    top = legend_room([item.name for item in series])
    figure.update_layout(
        template=phare_template(lang),
        height=round(max(MIN_PLOT, plot)) + bottom + top + 20,
        margin={"l": 10, "r": 30, "t": top, "b": bottom},
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"},
        xaxis={"range": list(x_range), "title": {"text": x_title}, "gridcolor": "#e6e6e6"},
    )
    add_caption(figure, caption)  # the first annotation: what a reader of the SVG meets first
    label_rows(figure, labels, row=row, above=above)
    return with_watermark(figure, simulated, lang)


def _dot_trace(item: DotSeries, index: int, y: list) -> go.Scatter:
    """The ``index``-th series: dots in its colour (France an open diamond), its intervals as
    error bars, its markers beside the dots."""
    values = np.asarray(item.values, dtype=float)
    colour = FRANCE_COLOUR if item.france else SERIES_COLOURS[index % len(SERIES_COLOURS)]
    symbol = "diamond-open" if item.france else item.symbol
    if any(item.hollow):  # one symbol per value: the uncertain ones open
        symbol = [f"{symbol}-open" if open_ else symbol for open_ in item.hollow]
    return go.Scatter(
        name=item.name,
        x=values,
        y=y,
        mode="markers+text",
        text=list(item.markers),
        textposition="middle right",
        textfont={"color": colour, "size": 13},
        marker={
            "symbol": symbol,
            "size": 11 if item.france else 10,
            "color": colour,
            "line": {"width": 2, "color": colour},
        },
        error_x={
            "type": "data",
            "symmetric": False,
            "array": np.asarray(item.highs, dtype=float) - values,
            "arrayminus": values - np.asarray(item.lows, dtype=float),
            "color": colour,
            "thickness": 1.5,
            "width": 4,
        },
        customdata=list(item.hover),
        hovertemplate="%{customdata}<extra>" + item.name + "</extra>",
        cliponaxis=False,
    )


def gap_chart(
    labels: Sequence[str],
    gaps: Sequence[float],
    lows: Sequence[float],
    highs: Sequence[float],
    markers: Sequence[str],
    *,
    caption: str,
    x_title: str,
    simulated: bool,
    lang: str,
) -> go.Figure:
    """Horizontal bars of differences, centred on zero with a symmetric axis."""
    gap = np.asarray(gaps, dtype=float)
    low = np.asarray(lows, dtype=float)
    high = np.asarray(highs, dtype=float)
    reach = np.nanmax(np.abs(np.concatenate([gap, low, high]))) if np.isfinite(gap).any() else 1
    reach = float(np.ceil(reach * 1.15 * 2) / 2) or 1.0
    figure = go.Figure(
        go.Bar(
            x=gap,
            y=list(labels),
            orientation="h",
            marker={"color": [ABOVE if value >= 0 else BELOW for value in np.nan_to_num(gap)]},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": high - gap,
                "arrayminus": gap - low,
                "color": "#3a3a3a",
            },
            text=list(markers),
            textposition="outside",
            hovertemplate="%{y}" + (" : " if lang == "fr" else ": ") + "%{x:.1f}<extra></extra>",
            cliponaxis=False,
        )
    )
    bottom = caption_height(caption)
    figure.update_layout(
        template=phare_template(lang),
        height=len(labels) * 34 + bottom + 60,
        margin={"l": 10, "r": 30, "t": 20, "b": bottom},
        xaxis={
            "range": [-reach, reach],
            "zeroline": True,
            "zerolinecolor": TEXT_COLOUR,
            "zerolinewidth": 2,
            "title": {"text": x_title},
            "gridcolor": "#e6e6e6",
        },
        yaxis={"autorange": "reversed", "automargin": True},
        showlegend=False,
    )
    add_caption(figure, caption)
    return with_watermark(figure, simulated, lang)


def caption_height(caption: str) -> int:
    """Pixels under the plot for the axis title and the caption's lines (shared with heatmaps)."""
    return AXIS_TITLE + CAPTION_LINE * (caption.count("<br>") + 1)


def add_caption(figure: go.Figure, caption: str) -> None:
    """The caption (source, question, base, release) under the plot, inside the figure, so a
    PNG export keeps it."""
    figure.add_annotation(
        name="caption",
        text=caption,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-caption_height(caption) + 4,
        xanchor="left",
        yanchor="bottom",
        align="left",
        showarrow=False,
        font={"size": 11, "color": "#3a3a3a"},
    )
