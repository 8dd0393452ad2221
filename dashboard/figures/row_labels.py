"""Row labels above the markers: a chart that reads at every width, a phone's included.

The server does not know how wide a chart is drawn. Labels in a column to the left of the
plot (Plotly's tick labels) take what they need and leave the scale the rest: at 390 px, about
60 px. Written above each row instead, at the plot's left edge, a label takes no width from the
scale; it wraps over a second line rather than running past the chart's right edge.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import plotly.graph_objects as go

ROW_LABEL = "row-label"  # the name of the annotations that label the rows
LABEL_CHARS = 50  # characters per line of a label: ~300 px at 11 px, a phone's plot width
LABEL_LINE = 12  # px per line of a label (11 px text)
LABEL_FONT = 11  # px
LABEL_GAP = 5  # px between a row's label and the middle of its row (about a marker's radius)
LEGEND_ENTRY, LEGEND_LINE = 6, 13  # px per entry of a legend and per line of its name
MIN_TOP = 40  # px over the plot, for a legend of one line
CAPTION_CHARS = 64  # characters per line of a chart's caption: ~340 px at 11 px


@dataclass(frozen=True)
class RowLabels:
    """The texts above the rows (top to bottom) and the most lines one of them takes."""

    texts: tuple[str, ...]
    lines: int


def row_labels(categories: tuple[Sequence[str], Sequence[str]] | Sequence[str]) -> RowLabels:
    """The label of each row; for two levels (groups, labels), the first row of a group
    names the group in bold before its own label."""
    if isinstance(categories, tuple):
        groups, labels = (list(part) for part in categories)
        firsts = [i == 0 or groups[i - 1] != group for i, group in enumerate(groups)]
        texts = [
            _label(label, group if first else None)
            for group, label, first in zip(groups, labels, firsts, strict=True)
        ]
    else:
        texts = [_label(label, None) for label in categories]
    return RowLabels(tuple(texts), max((text.count("<br>") + 1 for text in texts), default=1))


def _label(label: str, group: str | None) -> str:
    if group is None:
        return "<br>".join(_wrap(label))
    # the label after the group's last line when it fits there, else on a line of its own
    heads = _wrap(group)
    lines = [f"<b>{line}</b>" for line in heads]
    tail = _wrap(label)
    if len(heads[-1]) + 3 + len(tail[0]) <= LABEL_CHARS and len(tail) == 1:
        lines[-1] += f" · {tail[0]}"
        return "<br>".join(lines)
    return "<br>".join(lines + tail)


def _wrap(text: str, width: int = LABEL_CHARS) -> list[str]:
    # never inside a hyphenated word: "PHARE-Associations", "2016-02-29" stay whole
    return textwrap.wrap(escape(text, quote=False), width, break_on_hyphens=False) or [""]


def narrow_caption(caption: str) -> str:
    """The caption (Plotly markup, lines joined by ``<br>``) on lines a phone's chart holds."""
    words = " ".join(caption.split("<br>"))
    return "<br>".join(textwrap.wrap(words, CAPTION_CHARS, break_on_hyphens=False))


def legend_room(names: Sequence[str]) -> int:
    """Px over the plot for the legend of ``names`` on a phone, where its entries stack one
    under the other: Plotly would otherwise take that room from the plot, squeezing the rows
    under their labels."""
    if len(names) < 2:
        return MIN_TOP
    return max(MIN_TOP, 10 + sum(LEGEND_ENTRY + LEGEND_LINE * (n.count("<br>") + 1) for n in names))


def headroom(row: int, above: int) -> float:
    """Rows of room above the first row's middle for ``above`` px of label (0: half a row is
    enough)."""
    return max(0.0, above / row - 0.5)


def label_rows(figure: go.Figure, labels: RowLabels, *, row: int, above: int) -> None:
    """Each label at the plot's left edge, its bottom ``above - lines`` px over its row's
    middle; the category axis keeps its rows (top to bottom) but no tick labels, and room
    above the first row for its label."""
    rows = len(labels.texts)
    shift = above - LABEL_LINE * labels.lines
    for index, text in enumerate(labels.texts):
        figure.add_annotation(
            name=ROW_LABEL,
            text=text,
            xref="paper",
            x=0,
            yref="y",
            y=index,  # a category axis places category n at n
            yshift=shift,
            xanchor="left",
            yanchor="bottom",
            align="left",
            showarrow=False,
            font={"size": LABEL_FONT},
        )
    figure.update_yaxes(
        showticklabels=False,
        showdividers=False,
        autorange=False,
        range=[rows - 0.5, -0.5 - headroom(row, above)],  # reversed: the first row on top
    )
