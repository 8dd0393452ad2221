"""Profile pages: the fragility of the gaps chart. Thin: the numbers come from the profile."""

from __future__ import annotations

from dash import Input, Output, State, callback
from dash.exceptions import PreventUpdate

from dashboard.components.region_profile import gap_block
from dashboard.context import Unavailable, current_context
from dashboard.profile import region_profile
from dashboard.profile_text import release_text
from dashboard.state import parse_state, state_query


@callback(
    Output("gap-block", "children"),
    Input("gap-fragility", "value"),
    State("profile-key", "data"),
    prevent_initial_call=True,
)
def show_gaps(fragility: str | None, key: dict):
    context = current_context()
    if isinstance(context, Unavailable):
        raise PreventUpdate
    state, _ = parse_state(key["state"], context.choices)
    region = key["region"]
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
def choose_comparison(territories: list[str] | None, actor: str | None, stored: dict):
    """A new choice of territories or actor opens the Comparer URL of that choice."""
    context = current_context()
    if isinstance(context, Unavailable):
        raise PreventUpdate
    state, _ = parse_state(stored, context.choices)
    return "/comparer" + state_query(
        state, territories=tuple(territories or ()), actor=actor or state.actor
    )
