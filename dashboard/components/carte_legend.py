from __future__ import annotations

from dash import html

from dashboard.text.i18n import t
from dashboard.text.numbers import format_count
from dashboard.views.carte import LegendEntry


def legend(entries: tuple[LegendEntry, ...], count_word: str, lang: str) -> list:
    """The legend as text for screen readers (the figure draws the same entries for the eye)."""
    items = [
        html.Li(
            [
                html.Span(className="legend-swatch", style={"backgroundColor": entry.colour}),
                html.Span(entry.label, className="legend-label"),
                html.Span(
                    f"{format_count(entry.count, lang)} {count_word}", className="legend-count"
                ),
            ],
            className="legend-item",
        )
        for entry in entries
    ]
    return [html.H3(t("legend", lang), className="legend-title"), html.Ul(items)]
