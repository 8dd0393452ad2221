"""Carte: thin wiring from the page's inputs to the pure view functions.

One callback redraws the view, share links included (the embed code apart), so that a filter
change is one request and one render. When the geometry stays the same (same level and area)
the map gets a ``dash.Patch`` of values, texts and legend only; options of the filters travel
only when they changed. The address bar follows the view without reloading the page.
"""

from __future__ import annotations

from dash import Input, Output, Patch, State, callback, clientside_callback, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard.components.carte_map import MapPanel, map_panel
from dashboard.components.carte_national import national_block
from dashboard.components.carte_selection import commune_page_link, selection_panel
from dashboard.components.coverage import coverage_details
from dashboard.components.sharing import SHARE_OUTPUTS, frame_title, request_origin, share_values
from dashboard.components.upload_report import upload_report
from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState, territory_id
from dashboard.server.current import callback_context
from dashboard.server.stores import as_mapping, clicked_location, stored_state, text_value
from dashboard.upload.communes import parse_commune_values
from dashboard.upload.decoding import decode_upload
from dashboard.upload.reading import InvalidUpload
from dashboard.upload.store import from_store, to_store
from dashboard.views.carte_filters import (
    FILTERS,
    changed_options,
    filter_options,
    fragility_value,
    state_from_filters,
)
from dashboard.views.carte_search import option_for, search_options
from dashboard.views.credit import view_credit
from dashboard.views.sharing import share_links

COERCED = ("segment", "fragility", "level", "show", "classes")

# What one filter change redraws, by name (Dash's dictionary form of a callback's outputs).
VIEW_OUTPUTS = {
    "figure": Output("map", "figure"),
    "geometry_key": Output("geometry-key", "data"),
    "stored": Output("carte-state", "data"),
    "title": Output("map-title", "children"),
    "national": Output("national-view", "children"),
    "national_hidden": Output("national-view", "hidden"),
    "map_hidden": Output("map-box", "hidden"),
    "summary": Output("map-summary", "children"),
    "legend": Output("legend", "children"),
    "coverage": Output("coverage", "children"),
    "france": Output("france-value", "children"),
    "selection": Output("selection", "children"),
    "search_next": Output("search-next", "children"),
    "sources": Output("sources", "children"),
    "sources_hidden": Output("sources", "hidden"),
    "rows": Output("values-table", "rowData"),
    "permalink": Output("permalink", "href"),
    "banner_hidden": Output("simulated-banner", "hidden"),
    "commune_tools_hidden": Output("commune-tools", "hidden"),
    "known": Output("published-coverage-box", "children"),
    "share": {component: Output(component, prop) for component, prop in SHARE_OUTPUTS},
    "values": {name: Output(name, "value") for name in COERCED},
    "options": {name: Output(name, "options") for name in FILTERS},
}
VIEW_INPUTS = {
    "filters": {name: Input(name, "value") for name in FILTERS},
    "search": Input("search", "value"),
    "click": Input("map", "clickData"),
    "whole_france": Input("whole-france", "n_clicks"),
    "upload": Input("commune-upload", "data"),
}
VIEW_STATE = {"stored": State("carte-state", "data"), "geometry_key": State("geometry-key", "data")}


@callback(
    output=VIEW_OUTPUTS,
    inputs=VIEW_INPUTS,
    state=VIEW_STATE,
    prevent_initial_call=True,
)
def update_view(
    filters: dict[str, object],
    search: object,
    click: object,
    whole_france: object,
    upload: object,
    stored: object,
    geometry_key: object,
) -> dict[str, object]:
    """The view of the new filters (or of a territory picked by search, click or "whole
    France", or of the visitor's file): the map, its texts and table, the share links.
    ``whole_france`` is a click count: only that it fired matters (``ctx.triggered_id``)."""
    context = callback_context()
    before = stored_state(stored, context.choices)
    upload = as_mapping(upload)
    state = _next_state(context, before, filters, search, click, upload)
    # the visitor's file is re-checked only when the map shows it (other views stay cached)
    shows_upload = upload and state.level == "commune" and state.show == "upload"
    uploaded = from_store(upload, context.commune_codes) if shows_upload else None
    recentre = state.territory != before.territory
    drawn = text_value(geometry_key)
    panel = map_panel(context, state, uploaded, drawn_geometry=drawn, recentre=recentre)
    changed = changed_options(before, state)
    options = filter_options(context, state, panel.view.has_france) if changed else {}
    return {
        **_panel_outputs(context, state, panel),
        # what is published changes with the dataset and the programme only
        "known": coverage_details(context, state)
        if (before.dataset, before.study) != (state.dataset, state.study)
        else no_update,
        "values": {name: _coerced(state, name, filters.get(name)) for name in COERCED},
        "options": {name: options[name] if name in changed else no_update for name in FILTERS},
    }


def _next_state(
    context: DataContext,
    before: AppState,
    filters: dict[str, object],
    search: object,
    click: object,
    upload: dict,
) -> AppState:
    """The state after this change, kept coherent (:func:`state_from_filters`)."""
    changes = {**filters, **_territory_change(before, search, click)}
    if ctx.triggered_id == "commune-upload" and upload:
        changes |= {"level": "commune", "show": "upload"}
    return state_from_filters(before, changes, context)


def _panel_outputs(context: DataContext, state: AppState, panel: MapPanel) -> dict[str, object]:
    """The map (a ``Patch`` when its geometry is already drawn), its texts, table and links;
    for a view with a national figure only, its national chart in the map's place."""
    national = national_block(context, state)
    return {
        "figure": _patch(panel.changes) if panel.figure is None else panel.figure,
        "geometry_key": panel.geometry_key,
        "stored": state.model_dump(mode="json"),
        "title": panel.title,
        "national": national,
        "national_hidden": national is None,
        "map_hidden": national is not None,
        "summary": panel.summary,
        "legend": panel.legend,
        "coverage": panel.coverage,
        "france": panel.france,
        "selection": selection_panel(context, panel.view, state),
        "search_next": commune_page_link(state),
        "sources": panel.sources,
        "sources_hidden": national is not None,
        "rows": panel.rows,
        "permalink": panel.permalink,
        "banner_hidden": not panel.view.simulated,
        "commune_tools_hidden": state.level != "commune",
        "share": dict(
            zip(VIEW_OUTPUTS["share"], _share_values(context, state, panel), strict=True)
        ),
    }


def _territory_change(before: AppState, search: object, click: object) -> dict:
    """The territory picked by the search box, a click on the map or "whole France"."""
    trigger = ctx.triggered_id
    if trigger == "search":
        return {"territory": text_value(search) or FRANCE}
    if trigger == "whole-france":
        return {"territory": FRANCE, "level": "commune"}
    location = clicked_location(click) if trigger == "map" else None
    return {"territory": territory_id(before.level, location)} if location else {}


def _share_values(
    context: DataContext, state: AppState, panel: MapPanel
) -> tuple[str | bool | None, ...]:
    """The view's share links: permalink, image and table exports, hidden for a view with no
    regional value (the embed code is written when its dialog opens, ``callbacks.sharing``),
    and its credit line."""
    title = frame_title(panel.title, state.lang)
    links = share_links(request_origin(), "/", state, panel.release, title)
    credit = view_credit(context, state, panel.view.sources)
    return share_values(links, credit, downloads=panel.view.has_regional_value)


def _coerced(state: AppState, name: str, shown: object) -> object:
    """The filter's value when the state changed it (a segment of another actor…); otherwise
    nothing travels, and the dropdown is not drawn again."""
    value = fragility_value(state) if name == "fragility" else getattr(state, name)
    return no_update if value == shown else value


def _patch(changes: dict) -> Patch:
    """The browser-side update of a figure that keeps its traces and geometry."""
    patch = Patch()
    for index, update in changes["data"].items():
        for name, value in update.items():
            patch["data"][index][name] = value
    for name, value in changes["layout"].items():
        patch["layout"][name] = value
    return patch


@callback(
    Output("search", "options"),
    Input("search", "search_value"),
    State("search", "value"),
    State("carte-state", "data"),
    prevent_initial_call=True,
)
def search_territories(query: object, value: object, stored: object) -> list[dict]:
    query, value = text_value(query), text_value(value)
    if not query:
        raise PreventUpdate
    context = callback_context()
    lang = stored_state(stored, context.choices).lang
    found = search_options(context, query, lang)
    kept = option_for(context, value, lang) if value else []
    return kept + [option for option in found if option["value"] != value]


@callback(
    Output("commune-upload", "data"),
    Output("upload-report", "children"),
    Input("upload", "contents"),
    State("upload", "filename"),
    State("carte-state", "data"),
    prevent_initial_call=True,
)
def read_upload(contents: object, filename: object, stored: object) -> tuple[object, list]:
    """Parse the visitor's file in this request only; the values go to their browser's store.

    An embed view is read-only: it takes no file, whatever the browser sends."""
    contents, filename = text_value(contents), text_value(filename) or ""
    if not contents:
        raise PreventUpdate
    context = callback_context()
    state = stored_state(stored, context.choices)
    if state.embed:
        raise PreventUpdate
    lang = state.lang
    try:
        data = decode_upload(contents, filename)
        result = parse_commune_values(
            data, filename, context.gazetteer, drawn=context.commune_codes
        )
    except InvalidUpload as error:
        return no_update, upload_report(None, error.message(lang), lang)
    return to_store(result), upload_report(result, None, lang)


# The address bar follows the view without reloading the page or re-rendering it.
clientside_callback(
    """(href) => { if (href) { window.history.replaceState(null, "", href); } return null; }""",
    Output("url-sync", "data"),
    Input("permalink", "href"),
    prevent_initial_call=True,
)
