"""France page: the order of the fragilities. Thin: the chart and its table come from the
France page's component, the address bar follows without a reload."""

from __future__ import annotations

from dash import Input, Output, State, callback, clientside_callback
from dash.exceptions import PreventUpdate

from dashboard.components.france_page import scores_block
from dashboard.components.sharing import request_origin
from dashboard.core.state import FRANCE, state_query
from dashboard.server.current import callback_context
from dashboard.server.stores import stored_state, text_value
from dashboard.views.sharing import share_links


@callback(
    Output("france-scores-block", "children"),
    Output("france-url", "data"),
    Output("share-permalink", "value"),
    Input("france-sort", "value"),
    State("france-state", "data"),
    prevent_initial_call=True,
)
def sort_fragilities(sort: object, stored: object) -> tuple[list, str, str]:
    """The fragilities chart in the chosen order ("" or an unknown actor: the groups' order)."""
    context = callback_context()
    state = stored_state(stored, context.choices)
    chosen = text_value(sort) or None
    if chosen is not None and chosen not in context.catalogue.actors:
        raise PreventUpdate
    state = state.model_copy(update={"sort": chosen})
    path = f"/region/{FRANCE}"
    release = context.dataset(state.dataset).id
    links = share_links(request_origin(), path, state, release, "")
    return scores_block(context, state), path + state_query(state), links.permalink


# The address bar follows the order without reloading the page.
clientside_callback(
    """(href) => { if (href) { window.history.replaceState(null, "", href); } return null; }""",
    Output("france-url", "clear_data"),
    Input("france-url", "data"),
    prevent_initial_call=True,
)
