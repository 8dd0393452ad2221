"""Ma commune: the search box lists communes as the mayor types; picking one opens its page.

The page is reloaded (``dcc.Location`` with ``refresh=True``) with the shared state's query
string kept, so that the server answers the new address as it answers a typed one.
"""

from __future__ import annotations

from dash import Input, Output, State, callback
from dash.exceptions import PreventUpdate

from dashboard.server.current import callback_context
from dashboard.server.stores import stored_language, stored_query, text_value
from dashboard.views.commune import commune_options


@callback(
    Output("commune-finder", "options"),
    Input("commune-finder", "search_value"),
    State("commune-state", "data"),
    prevent_initial_call=True,
)
def search_communes(query: object, stored: object) -> list[dict]:
    query = text_value(query)
    if not query:
        raise PreventUpdate
    return commune_options(callback_context(), query, stored_language(stored))


@callback(
    Output("commune-location", "href"),
    Input("commune-finder", "value"),
    State("commune-state", "data"),
    prevent_initial_call=True,
)
def open_commune(code: object, stored: object) -> str:
    """The address of the chosen commune's page (only ever a drawn commune's code)."""
    context, code = callback_context(), text_value(code)
    if code not in context.commune_codes:
        raise PreventUpdate
    return f"/commune/{code}" + stored_query(stored, context.choices)
