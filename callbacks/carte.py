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
from dashboard.components.carte_selection import selection_panel
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
from dashboard.views.sharing import share_links

COERCED = ("segment", "fragility", "level", "show", "classes")


@callback(
    Output("map", "figure"),
    Output("geometry-key", "data"),
    Output("carte-state", "data"),
    Output("map-title", "children"),
    Output("map-summary", "children"),
    Output("legend", "children"),
    Output("coverage", "children"),
    Output("france-value", "children"),
    Output("selection", "children"),
    Output("sources", "children"),
    Output("values-table", "rowData"),
    Output("permalink", "href"),
    Output("simulated-banner", "hidden"),
    Output("commune-tools", "hidden"),
    *(Output(component, prop) for component, prop in SHARE_OUTPUTS),
    *(Output(name, "value") for name in COERCED),
    *(Output(name, "options") for name in FILTERS),
    *(Input(name, "value") for name in FILTERS),
    Input("search", "value"),
    Input("map", "clickData"),
    Input("whole-france", "n_clicks"),
    Input("commune-upload", "data"),
    State("carte-state", "data"),
    State("geometry-key", "data"),
    prevent_initial_call=True,
)
def update_view(*arguments: object) -> tuple:
    *values, search, click, _, upload, stored, geometry_key = arguments
    context = callback_context()
    before = stored_state(stored, context.choices)
    shown = dict(zip(FILTERS, values, strict=True))  # what the filters show in the browser
    changes = {**shown, **_territory_change(before, search, click)}
    upload = as_mapping(upload)
    if ctx.triggered_id == "commune-upload" and upload:
        changes |= {"level": "commune", "show": "upload"}
    state = state_from_filters(before, changes, context)
    # the visitor's file is re-checked only when the map shows it (other views stay cached)
    shows_upload = upload and state.level == "commune" and state.show == "upload"
    uploaded = from_store(upload, context.commune_codes) if shows_upload else None
    recentre = state.territory != before.territory
    drawn = text_value(geometry_key)
    panel = map_panel(context, state, uploaded, drawn_geometry=drawn, recentre=recentre)
    return _view_outputs(context, before, state, panel, shown)


def _view_outputs(
    context: DataContext, before: AppState, state: AppState, panel: MapPanel, shown: dict
) -> tuple:
    """What :func:`update_view` sends, in the order of its outputs: the map (whole or patched),
    its texts, the share links, and only the filter values and options that changed."""
    figure = _patch(panel.changes) if panel.figure is None else panel.figure
    changed = changed_options(before, state)
    options = filter_options(context, state, panel.view.has_france) if changed else {}
    return (
        figure,
        panel.geometry_key,
        state.model_dump(mode="json"),
        panel.title,
        panel.summary,
        panel.legend,
        panel.coverage,
        panel.france,
        selection_panel(context, panel.view, state),
        panel.sources,
        panel.rows,
        panel.permalink,
        not panel.view.simulated,
        state.level != "commune",
        *_share_values(state, panel),
        *(_coerced(state, name, shown[name]) for name in COERCED),
        *(options[name] if name in changed else no_update for name in FILTERS),
    )


def _territory_change(before: AppState, search: object, click: object) -> dict:
    """The territory picked by the search box, a click on the map or "whole France"."""
    trigger = ctx.triggered_id
    if trigger == "search":
        return {"territory": text_value(search) or FRANCE}
    if trigger == "whole-france":
        return {"territory": FRANCE, "level": "commune"}
    location = clicked_location(click) if trigger == "map" else None
    return {"territory": territory_id(before.level, location)} if location else {}


def _share_values(state: AppState, panel: MapPanel) -> tuple[str, ...]:
    """The view's share links: permalink, image and table exports (the embed code is written
    when its dialog opens, ``callbacks.sharing``)."""
    title = frame_title(panel.title, state.lang)
    return share_values(share_links(request_origin(), "/", state, panel.release, title))


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
