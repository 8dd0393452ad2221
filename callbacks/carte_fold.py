"""The Carte's « Filtres » fold on a phone: the button opens and closes it in the browser, and
its one-line summary follows the view."""

from __future__ import annotations

from dash import Input, Output, State, callback, clientside_callback

from dashboard.server.current import callback_context
from dashboard.server.stores import stored_state
from dashboard.views.filter_summary import filter_summary

clientside_callback(
    """(clicks, open) => { const next = !open; return [next, String(next)]; }""",
    Output("filters-fold", "is_open"),
    Output("filters-toggle", "aria-expanded"),
    Input("filters-toggle", "n_clicks"),
    State("filters-fold", "is_open"),
    prevent_initial_call=True,
)


@callback(
    Output("filters-summary", "children"),
    Input("carte-state", "data"),
    prevent_initial_call=True,
)
def summarise_filters(stored: object) -> str:
    context = callback_context()
    return filter_summary(context, stored_state(stored, context.choices))
