from __future__ import annotations

from dash import html

from dashboard.i18n import t
from dashboard.mapview import LegendEntry


def legend(entries: tuple[LegendEntry, ...], lang: str) -> list:
    """The map's legend: one line per class with its bounds and how many regions fall in it."""
    items = [
        html.Li(
            [
                html.Span(className="legend-swatch", style={"backgroundColor": entry.colour}),
                html.Span(entry.label, className="legend-label"),
                html.Span(t("regions_count", lang, n=entry.count), className="legend-count"),
            ],
            className="legend-item",
        )
        for entry in entries
    ]
    return [html.H3(t("legend", lang), className="legend-title"), html.Ul(items)]
