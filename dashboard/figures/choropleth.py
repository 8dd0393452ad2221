"""Choropleth of regions: class colours for values, distinct greys for the no-value states.

The geometry is not in the figure: Plotly fetches it once from ``geometry_url`` and the
figure carries only region codes, class indices and hover texts. Trace order is fixed (values,
then one trace per no-value state) so that later partial updates can address them by index.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.classification import Classification
from dashboard.figures.template import BORDER_COLOUR, PHARE_TEMPLATE

# Mainland France with the overseas insets to its west.
FRANCE_VIEW = {"center": {"lat": 46.3, "lon": -0.15}, "zoom": 4.7}
VALUE_STATUS = "ok"


@dataclass(frozen=True)
class HoverWords:
    """Words of the hover label, in the reader's language ("Source : " with its colon)."""

    source: str
    base: str


@dataclass(frozen=True)
class NoValueState:
    """A state without a value (non publié, non couvert…): its id, label and map style."""

    id: str
    label: str
    fill: str
    border: str | None = None


def build_region_choropleth(
    frame: pd.DataFrame,
    classification: Classification,
    geometry_url: str,
    words: HoverWords,
    states: tuple[NoValueState, ...],
) -> go.Figure:
    """Map of ``frame`` (one row per drawn region).

    ``frame`` columns: ``code``, ``name``, ``status`` (``ok`` or the id of one of ``states``),
    ``class_index`` (-1 without value), ``value_label``, ``base_label``, ``source_label``;
    labels are plain text (escaped here before Plotly renders them).
    """
    figure = go.Figure(layout={"template": PHARE_TEMPLATE, "showlegend": False})
    figure.add_trace(
        _value_trace(frame[frame["status"] == VALUE_STATUS], classification, geometry_url, words)
    )
    for state in states:
        figure.add_trace(_state_trace(frame[frame["status"] == state.id], state, geometry_url))
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
    colours = classification.colours or (BORDER_COLOUR,)
    stepped = []
    for index, colour in enumerate(colours):
        stepped += [[index / k, colour], [(index + 1) / k, colour]]
    return go.Choroplethmap(
        name=VALUE_STATUS,
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


def _state_trace(frame: pd.DataFrame, state: NoValueState, geometry_url: str) -> go.Choroplethmap:
    return go.Choroplethmap(
        name=state.id,
        geojson=geometry_url,
        locations=frame["code"].tolist(),
        z=[0] * len(frame),
        colorscale=[[0, state.fill], [1, state.fill]],
        showscale=False,
        marker={"line": {"color": state.border or BORDER_COLOUR, "width": 1}},
        customdata=_escaped(frame, ["name"]),
        hovertemplate=f"<b>%{{customdata[0]}}</b><br>{_escape(state.label)}<extra></extra>",
    )


def _escaped(frame: pd.DataFrame, columns: list[str]) -> list[list[str]]:
    return [[_escape(str(cell)) for cell in row] for row in frame[columns].itertuples(index=False)]


def _escape(text: str) -> str:
    """Plotly renders a subset of HTML in hover labels: neutralise it in data-derived text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
