from __future__ import annotations

from dash import html

from dashboard.text.i18n import t
from dashboard.text.numbers import format_count
from dashboard.views.carte import LegendEntry


def legend(
    entries: tuple[LegendEntry, ...], count_word: str, lang: str, notes: tuple[str, ...] = ()
) -> list:
    """The legend as text for screen readers and narrow screens (the figure draws the same
    entries and notes for the eye): the classes, then the notes (the scale shown, the regions
    against France)."""
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
    shown = [html.H3(t("legend", lang), className="legend-title"), html.Ul(items)]
    if notes:
        shown.append(html.Ul([html.Li(note) for note in notes], className="legend-notes"))
    return shown
