"""Analyse page: a choice opens the URL of the new table; the Excel copy. Thin: the page draws
itself from its URL (``dashboard/pages/analyse.py``)."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback
from dash.exceptions import PreventUpdate

from dashboard.core.state import ANALYSE_PAGE, page_query, parse_state
from dashboard.server.current import callback_context
from dashboard.server.stores import as_mapping, stored_state
from dashboard.views.analyse_table import CONTROLS, next_state


@callback(
    output=Output("analyse-location", "href"),
    inputs={
        "chosen": {name: Input(f"analyse-{name}", "value") for name in (*CONTROLS, "group")},
        "labels": Input("analyse-labels", "value"),
    },
    state={"stored": State("analyse-state", "data")},
    prevent_initial_call=True,
)
def choose_table(chosen: dict[str, object], labels: object, stored: object) -> str:
    """The table of the new choice: its URL (a full page, so the permalink is what is shown)."""
    context = callback_context()
    if not as_mapping(stored):
        raise PreventUpdate
    before = stored_state(stored, context.choices)
    after = next_state(before, {**chosen, "labels": bool(labels)})
    state, _ = parse_state(after, context.choices)
    return ANALYSE_PAGE + page_query(ANALYSE_PAGE, state)


clientside_callback(
    ClientsideFunction(namespace="phare", function_name="copy"),
    Output("copy-excel-status", "children"),
    Input("copy-excel", "n_clicks"),
    State("analyse-excel", "data"),
    State("copy-excel", "data-copied"),
    prevent_initial_call=True,
)
