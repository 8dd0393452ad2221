"""Ma commune: the search box lists communes as the mayor types; picking one opens its page.

The page is reloaded (``dcc.Location`` with ``refresh=True``) with the shared state's query
string kept, so that the server answers the new address as it answers a typed one.
"""

from __future__ import annotations

from dash import Input, Output, State, callback
from dash.exceptions import PreventUpdate

from dashboard.commune_profile import commune_options
from dashboard.context import Unavailable, current_context


@callback(
    Output("commune-finder", "options"),
    Input("commune-finder", "search_value"),
    State("commune-state", "data"),
    prevent_initial_call=True,
)
def search_communes(query: str | None, stored: dict | None) -> list[dict]:
    context = current_context()
    if not query or isinstance(context, Unavailable):
        raise PreventUpdate
    return commune_options(context, query, (stored or {}).get("lang", "fr"))


@callback(
    Output("commune-location", "href"),
    Input("commune-finder", "value"),
    State("commune-state", "data"),
    prevent_initial_call=True,
)
def open_commune(code: str | None, stored: dict | None) -> str:
    """The address of the chosen commune's page (only ever a drawn commune's code)."""
    context = current_context()
    if isinstance(context, Unavailable) or code not in context.commune_codes:
        raise PreventUpdate
    return f"/commune/{code}" + (stored or {}).get("query", "")
