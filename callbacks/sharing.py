"""The share bar: copy buttons, the "Intégrer" dialog, the Carte's embed code.

Its links follow the Carte's view in the Carte's own callback (``callbacks.carte``); the embed
code, 1 KB of HTML most visitors never ask for, is written when the dialog opens."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback
from dash.exceptions import PreventUpdate

from dashboard.components.sharing import frame_title, request_origin
from dashboard.server.current import callback_context
from dashboard.server.stores import as_mapping, stored_state, text_value
from dashboard.views.sharing import share_links


@callback(
    Output("embed-code", "value"),
    Input("embed-modal", "is_open"),
    State("carte-state", "data", allow_optional=True),
    State("map-title", "children", allow_optional=True),
    prevent_initial_call=True,
)
def embed_code_of_the_view(is_open: object, stored: object, title: object) -> str:
    """The Carte's view as the dialog opens; other pages keep the code their layout wrote."""
    if is_open is not True or not as_mapping(stored):
        raise PreventUpdate
    context = callback_context()
    state = stored_state(stored, context.choices)
    release = context.dataset(state.dataset).id
    name = frame_title(text_value(title) or "", state.lang)
    return share_links(request_origin(), "/", state, release, name).embed_code


COPIED = (
    ("copy-permalink", "share-permalink", "value"),
    ("copy-embed-code", "embed-code", "value"),
    ("copy-credit", "share-credit", "children"),
)
for button, field, text in COPIED:
    clientside_callback(
        ClientsideFunction(namespace="phare", function_name="copy"),
        Output(f"{button}-status", "children"),
        Input(button, "n_clicks"),
        State(field, text),
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
