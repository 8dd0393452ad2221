"""Choropleth of the metropolitan regions: class colours for values, grey for "non publié".

The geometry is not in the figure: Plotly fetches it once from ``geometry_url`` and the
figure carries only region codes, class indices and hover texts.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.classification import Classification
from dashboard.figures.template import BORDER_COLOUR, NO_VALUE_GREY, PHARE_TEMPLATE

FRANCE_VIEW = {"center": {"lat": 46.6, "lon": 2.4}, "zoom": 4.6}


@dataclass(frozen=True)
class HoverWords:
    """Words of the hover label, in the reader's language ("Source : " with its colon)."""

    source: str
    base: str
    not_published: str


def build_region_choropleth(
    frame: pd.DataFrame,
    classification: Classification,
    geometry_url: str,
    words: HoverWords,
) -> go.Figure:
    """Map of ``frame`` (one row per region).

    ``frame`` columns: ``code``, ``name``, ``has_value`` (bool), ``class_index`` (int, -1
    when no value), ``value_label``, ``base_label``, ``source_label``; labels are plain text
    (escaped here before Plotly renders them).
    """
    with_value = frame[frame["has_value"]]
    without_value = frame[~frame["has_value"]]
    figure = go.Figure(layout={"template": PHARE_TEMPLATE, "showlegend": False})
    figure.add_trace(_value_trace(with_value, classification, geometry_url, words))
    figure.add_trace(_no_value_trace(without_value, geometry_url, words))
    figure.update_layout(
        map={"style": "white-bg", **FRANCE_VIEW},
        uirevision="france",
        dragmode="pan",
    )
    return figure


def _value_trace(
    frame: pd.DataFrame, classification: Classification, geometry_url: str, words: HoverWords
) -> go.Choroplethmap:
    k = max(classification.k, 1)
    colours = classification.colours or (NO_VALUE_GREY,)
    stepped = []
    for index, colour in enumerate(colours):
        stepped += [[index / k, colour], [(index + 1) / k, colour]]
    return go.Choroplethmap(
        name="values",
        geojson=geometry_url,
        locations=frame["code"].tolist(),
        z=frame["class_index"].tolist(),
        zmin=-0.5,
        zmax=k - 0.5,
        colorscale=stepped,
        showscale=False,
        marker={"line": {"color": BORDER_COLOUR, "width": 1}},
        customdata=_escaped(frame, ["name", "value_label", "base_label", "source_label"]),
        hovertemplate=(
            "<b>%{customdata[0]}</b><br>%{customdata[1]}"
            f"<br>{_escape(words.base)}%{{customdata[2]}}"
            f"<br>{_escape(words.source)}%{{customdata[3]}}<extra></extra>"
        ),
    )


def _no_value_trace(frame: pd.DataFrame, geometry_url: str, words: HoverWords) -> go.Choroplethmap:
    return go.Choroplethmap(
        name="no_value",
        geojson=geometry_url,
        locations=frame["code"].tolist(),
        z=[0] * len(frame),
        colorscale=[[0, NO_VALUE_GREY], [1, NO_VALUE_GREY]],
        showscale=False,
        marker={"line": {"color": BORDER_COLOUR, "width": 1}},
        customdata=_escaped(frame, ["name"]),
        hovertemplate=f"<b>%{{customdata[0]}}</b><br>{_escape(words.not_published)}<extra></extra>",
    )


def _escaped(frame: pd.DataFrame, columns: list[str]) -> list[list[str]]:
    return [[_escape(str(cell)) for cell in row] for row in frame[columns].itertuples(index=False)]


def _escape(text: str) -> str:
    """Plotly renders a subset of HTML in hover labels: neutralise it in data-derived text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
