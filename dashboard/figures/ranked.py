"""Ranked bars: shares of several actors on one percent axis, highest first.

Pure builder: the bars in their ranked order and texts in, a Plotly figure out. One trace per
actor, so the legend names each actor with its colour; a value its source gives with low
confidence is an open bar (white inside, the actor's colour around). The caption (source,
question, base, date) is inside the figure, so a PNG keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from dashboard.figures.dots import add_caption, caption_height
from dashboard.figures.row_labels import (
    LABEL_LINE,
    headroom,
    label_rows,
    legend_room,
    narrow_caption,
    row_labels,
)
from dashboard.figures.template import phare_template
from dashboard.figures.watermark import with_watermark

BAR_HEIGHT = 16  # px: the thickness of a bar; its label's lines above it
BAR_ROOM = 14  # px per row besides the bar and its label: 2 over the bar, 12 under it
OPEN_FILL = "#ffffff"


@dataclass(frozen=True)
class RankedSeries:
    """One actor's bars: the rows it holds (labels), their values and how each is shown."""

    name: str  # the legend: the actor and its population
    colour: str
    labels: Sequence[str]
    values: Sequence[float]
    texts: Sequence[str]  # the value as written at the end of its bar ("87 %")
    hollow: Sequence[bool]  # per bar: drawn open (« lecture incertaine »)
    hover: Sequence[str]


def ranked_chart(
    order: Sequence[str],
    series: Sequence[RankedSeries],
    *,
    caption: str,
    x_title: str,
    simulated: bool,
    lang: str,
    x_range: tuple[float, float] = (0.0, 100.0),
) -> go.Figure:
    """Horizontal bars, one row per label of ``order`` (top to bottom), each actor's bars in
    its colour on one shared axis; each row's label above its bar, so the bars keep the chart's
    width on a phone (:mod:`dashboard.figures.row_labels`)."""
    labels = row_labels(list(order))
    row = BAR_HEIGHT + BAR_ROOM + LABEL_LINE * labels.lines
    figure = go.Figure([_bars(item, BAR_HEIGHT / row) for item in series])
    caption = narrow_caption(caption)
    bottom = caption_height(caption)
    above = BAR_HEIGHT // 2 + 2 + LABEL_LINE * labels.lines
    plot = (max(2, len(order)) + headroom(row, above)) * row
    top = legend_room([item.name for item in series])
    figure.update_layout(
        template=phare_template(lang),
        barmode="overlay",
        height=round(plot) + bottom + top + 30,
        margin={"l": 10, "r": 50, "t": top, "b": bottom},
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"},
        xaxis={"range": list(x_range), "title": {"text": x_title}, "gridcolor": "#e6e6e6"},
        yaxis={"categoryorder": "array", "categoryarray": list(order)},
    )
    add_caption(figure, caption)  # the first annotation: what a reader of the SVG meets first
    label_rows(figure, labels, row=row, above=above)
    return with_watermark(figure, simulated, lang)


def _bars(item: RankedSeries, width: float) -> go.Bar:
    """``width``: the bar's thickness, a share of its row."""
    return go.Bar(
        name=item.name,
        x=list(item.values),
        y=list(item.labels),
        orientation="h",
        width=width,
        marker={
            "color": [OPEN_FILL if open_ else item.colour for open_ in item.hollow],
            "line": {"color": item.colour, "width": 2},
        },
        text=list(item.texts),
        textposition="outside",
        cliponaxis=False,
        customdata=list(item.hover),
        hovertemplate="%{customdata}<extra></extra>",
    )
