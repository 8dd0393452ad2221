"""Profile pages: the fragility of the gaps chart. Thin: the numbers come from the profile."""

from __future__ import annotations

from dash import Input, Output, State, callback
from dash.exceptions import PreventUpdate

from dashboard.components.region import gap_block
from dashboard.core.state import state_query
from dashboard.server.current import callback_context
from dashboard.server.stores import as_mapping, stored_state, text_value, text_values
from dashboard.text.cells import release_text
from dashboard.views.region import region_profile


@callback(
    Output("gap-block", "children"),
    Input("gap-fragility", "value"),
    State("profile-key", "data"),
    prevent_initial_call=True,
)
def show_gaps(fragility: object, key: object):
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


@callback(
    Output("comparer-location", "href"),
    Input("compare-territories", "value"),
    Input("compare-actor", "value"),
    State("comparer-state", "data"),
    prevent_initial_call=True,
)
def choose_comparison(territories: object, actor: object, stored: object):
    """A new choice of territories or actor opens the Comparer URL of that choice (the page
    says which of them it does not know)."""
    context = callback_context()
    state = stored_state(stored, context.choices)
    return "/comparer" + state_query(
        state, territories=text_values(territories), actor=text_value(actor) or state.actor
    )
