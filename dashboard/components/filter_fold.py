"""The Carte's controls column, folded into one « Filtres » control on a phone.

The controls exist once in the page (the Carte's callbacks read them by id). From Bootstrap's
md breakpoint (768 px) up they are the column left of the map, as they always were; below it a
button (``aria-expanded``, ``aria-controls``) and the current choices in one line stand in
their place, the map right under them, and the button unfolds the same controls
(``assets/phone.css`` shows the fold open from md up).
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.text.i18n import t

FOLD_ID = "filters-fold"


def filter_fold(controls: list, summary: str, lang: str) -> html.Div:
    """``controls`` under a « Filtres » button that shows ``summary`` (the choices in one
    line) while they are folded; folded on a phone only."""
    return html.Div(
        [
            html.Div(
                [
                    html.Button(
                        t("filters", lang),
                        id="filters-toggle",
                        type="button",
                        className="btn btn-outline-primary btn-sm filters-toggle",
                        **{"aria-expanded": "false", "aria-controls": FOLD_ID},
                    ),
                    html.Span(summary, id="filters-summary", className="filters-summary"),
                ],
                className="filters-bar d-md-none",
            ),
            dbc.Collapse(controls, id=FOLD_ID, is_open=False, className="filters-fold"),
        ],
        className="filters-column",
    )
