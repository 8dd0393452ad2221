"""Comparer: a new choice of territories or actor opens the URL of that comparison. Thin: the
page draws itself from its URL (``dashboard/pages/comparer.py``)."""

from __future__ import annotations

from dash import Input, Output, State, callback

from dashboard.core.state import COMPARER_PAGE, page_query
from dashboard.server.current import callback_context
from dashboard.server.stores import stored_state, text_value, text_values


@callback(
    Output("comparer-location", "href"),
    Input("compare-territories", "value"),
    Input("compare-actor", "value"),
    State("comparer-state", "data"),
    prevent_initial_call=True,
)
def choose_comparison(territories: object, actor: object, stored: object) -> str:
    """The Comparer URL of the new choice (the page says which territories it does not know);
    it states the territories and the actor, even none or the app's default one."""
    context = callback_context()
    state = stored_state(stored, context.choices)
    return COMPARER_PAGE + page_query(
        COMPARER_PAGE,
        state,
        territories=text_values(territories),
        actor=text_value(actor) or state.actor,
    )
