"""The share bar: its links follow the Carte's view; the "Intégrer" dialog opens and closes."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback
from dash.exceptions import PreventUpdate

from dashboard.components.share import SHARE_OUTPUTS, frame_title, request_origin, share_values
from dashboard.context import Unavailable, current_context
from dashboard.sharing import share_links
from dashboard.stores import as_mapping, stored_state, text_value


@callback(
    *(Output(component, prop) for component, prop in SHARE_OUTPUTS),
    Input("permalink", "href"),
    State("carte-state", "data"),
    State("map-title", "children"),
    prevent_initial_call=True,
)
def follow_the_view(permalink: object, stored: object, title: object):
    """The Carte's view changed (its permalink with it): every share link is that view's."""
    context = current_context()
    if not permalink or not as_mapping(stored) or isinstance(context, Unavailable):
        raise PreventUpdate
    state = stored_state(stored, context.choices)
    release = context.dataset(state.dataset).id
    name = frame_title(text_value(title) or "", state.lang)
    return share_values(share_links(request_origin(), "/", state, release, name))


for button, field in (("copy-permalink", "share-permalink"), ("copy-embed-code", "embed-code")):
    clientside_callback(
        ClientsideFunction(namespace="phare", function_name="copy"),
        Output(f"{button}-status", "children"),
        Input(button, "n_clicks"),
        State(field, "value"),
        State(button, "data-copied"),
        prevent_initial_call=True,
    )

clientside_callback(
    """(clicks, open) => (clicks ? !open : open)""",
    Output("embed-modal", "is_open"),
    Input("embed-open", "n_clicks"),
    State("embed-modal", "is_open"),
    prevent_initial_call=True,
)
