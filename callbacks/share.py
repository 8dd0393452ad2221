"""The share bar: copy buttons, and the "Intégrer" dialog opens and closes.

Its links follow the Carte's view in the Carte's own callback (``callbacks.carte``)."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, clientside_callback

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
