"""« Données simulées » across every map drawn from simulated data, exports included."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.text.i18n import t

WATERMARK_NAME = "watermark"


def watermark_annotations(simulated: bool, lang: str) -> list[dict]:
    if not simulated:
        return []
    return [
        {
            "name": WATERMARK_NAME,
            "text": t("simulated", lang),
            "xref": "paper",
            "yref": "paper",
            "x": 0.6,
            "y": 0.5,
            "showarrow": False,
            "textangle": -20,
            "font": {"size": 44, "color": "rgba(120, 0, 0, 0.22)"},
        }
    ]


def with_watermark(figure: go.Figure, simulated: bool, lang: str) -> go.Figure:
    for annotation in watermark_annotations(simulated, lang):
        figure.add_annotation(annotation)
    return figure
