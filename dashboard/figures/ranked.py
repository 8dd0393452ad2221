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
from dashboard.figures.template import phare_template
from dashboard.figures.watermark import with_watermark

BAR_HEIGHT = 30  # px per bar
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
    its colour on one shared axis."""
    figure = go.Figure([_bars(item) for item in series])
    bottom = caption_height(caption)
    figure.update_layout(
        template=phare_template(lang),
        barmode="overlay",
        height=max(2, len(order)) * BAR_HEIGHT + bottom + 70,
        margin={"l": 10, "r": 50, "t": 40, "b": bottom},
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"},
        xaxis={"range": list(x_range), "title": {"text": x_title}, "gridcolor": "#e6e6e6"},
        yaxis={
            "categoryorder": "array",
            "categoryarray": list(order),
            "autorange": "reversed",
            "automargin": True,
        },
    )
    add_caption(figure, caption)
    return with_watermark(figure, simulated, lang)


def _bars(item: RankedSeries) -> go.Bar:
    return go.Bar(
        name=item.name,
        x=list(item.values),
        y=list(item.labels),
        orientation="h",
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
