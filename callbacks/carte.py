"""Carte: a new actor redraws the map, its legend, sources, table and permalink."""

from __future__ import annotations

from dash import Input, Output, State, callback
from dash.exceptions import PreventUpdate

from dashboard.components.map_panel import map_panel
from dashboard.context import Unavailable, current_context
from dashboard.state import parse_state


@callback(
    Output("map", "figure"),
    Output("map-title", "children"),
    Output("legend", "children"),
    Output("coverage", "children"),
    Output("sources", "children"),
    Output("values-table", "children"),
    Output("permalink", "href"),
    Input("actor", "value"),
    State("carte-state", "data"),
    prevent_initial_call=True,
)
def update_map(actor: str, stored_state: dict):
    context = current_context()
    if isinstance(context, Unavailable) or not actor:
        raise PreventUpdate
    state, _ = parse_state({**stored_state, "actor": actor}, context.choices)
    panel = map_panel(context, state)
    return (
        panel.figure,
        panel.title,
        panel.legend,
        panel.coverage,
        panel.sources,
        panel.table,
        panel.permalink,
    )
