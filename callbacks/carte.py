"""Carte: a filter change redraws the map, legend, sources and table, and rewrites the URL."""

from __future__ import annotations

from dash import Input, Output, State, callback, clientside_callback
from dash.exceptions import PreventUpdate

from dashboard.components.map_panel import map_panel
from dashboard.context import Unavailable, current_context
from dashboard.filters import FILTERS, filter_options, fragility_value, state_from_filters


@callback(
    Output("map", "figure"),
    Output("map-title", "children"),
    Output("legend", "children"),
    Output("coverage", "children"),
    Output("sources", "children"),
    Output("values-table", "children"),
    Output("permalink", "href"),
    Output("segment", "value"),
    Output("fragility", "value"),
    *(Output(name, "options") for name in FILTERS),
    *(Input(name, "value") for name in FILTERS),
    State("carte-state", "data"),
    prevent_initial_call=True,
)
def update_map(*arguments):
    *values, stored_state = arguments
    context = current_context()
    if isinstance(context, Unavailable):
        raise PreventUpdate
    state = state_from_filters(stored_state, dict(zip(FILTERS, values, strict=True)), context)
    panel = map_panel(context, state)
    options = filter_options(context, state)
    return (
        panel.figure,
        panel.title,
        panel.legend,
        panel.coverage,
        panel.sources,
        panel.table,
        panel.permalink,
        state.segment,
        fragility_value(state),
        *(options[name] for name in FILTERS),
    )


# The address bar follows the view without reloading the page or re-rendering it.
clientside_callback(
    """(href) => { if (href) { window.history.replaceState(null, "", href); } return null; }""",
    Output("url-sync", "data"),
    Input("permalink", "href"),
    prevent_initial_call=True,
)
