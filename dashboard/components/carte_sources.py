from __future__ import annotations

from dash import html

from dashboard.text.i18n import labelled, t
from dashboard.views.carte import MapView


def source_block(view: MapView, lang: str) -> list:
    """Source, question, contours and release under the map: the credit a newspaper can paste."""
    sources = view.sources or (t("not_published", lang),)
    return [
        html.P(
            [html.Strong(labelled("source", lang)), " ; ".join(sources)],
            className="source-line",
            id="source-line",
        ),
        html.P([html.Strong(labelled("question", lang)), view.question], className="question-line"),
        html.P([html.Strong(labelled("base", lang)), view.base], className="base-line"),
        html.P(f"{view.attribution} · {view.release}", className="attribution-line"),
    ]
