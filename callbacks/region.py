"""Region profile: the fragility of the gaps chart. Thin: the numbers come from the profile."""

from __future__ import annotations

from dash import Input, Output, State, callback
from dash.exceptions import PreventUpdate

from dashboard.components.region_crossed import gap_block
from dashboard.server.current import callback_context
from dashboard.server.stores import as_mapping, stored_state, text_value
from dashboard.text.cells import release_text
from dashboard.views.region import region_profile


@callback(
    Output("gap-block", "children"),
    Input("gap-fragility", "value"),
    State("profile-key", "data"),
    prevent_initial_call=True,
)
def show_gaps(fragility: object, key: object) -> list:
    context = callback_context()
    key, fragility = as_mapping(key), text_value(fragility)
    state = stored_state(key.get("state"), context.choices)
    region = text_value(key.get("region"))
    if fragility not in context.catalogue.fragilities or region not in context.catalogue.regions:
        raise PreventUpdate
    dataset = context.dataset(state.dataset)
    profile = region_profile(context, state, region)
    release = release_text(dataset, state.lang)
    return gap_block(context, state, profile, fragility, release, dataset.simulated)
