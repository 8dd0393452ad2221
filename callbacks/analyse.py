"""Analyse page: a choice redraws the parts of the page that change, in place; the address bar
follows without a reload; the Excel copy. Thin: the parts come from the page's components
(``dashboard/components/analyse.py``), the same the page draws from its URL, so a reload of the
address shows the same view.

Back and forward: the address is replaced, not pushed, so a choice adds no history entry (as on
the Carte): Back leaves the page, and the page it comes back to is the last view's address.
"""

from __future__ import annotations

from dash import (
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    no_update,
)
from dash.exceptions import PreventUpdate

from dashboard.components.analyse import (
    SHARE_PARTS,
    address,
    control_values,
    share_parts,
    view_parts,
)
from dashboard.components.notices import notices
from dashboard.components.sharing import frame_title, request_origin
from dashboard.core.context import DataContext
from dashboard.core.state import ANALYSE_PAGE, parse_state
from dashboard.server.current import callback_context
from dashboard.server.stores import as_mapping, stored_state
from dashboard.text.cells import release_text
from dashboard.views.analyse import AnalysisView, analysis_view
from dashboard.views.analyse_table import CONTROLS, next_state
from dashboard.views.sharing import share_links

CHOSEN = (*CONTROLS, "group")  # the dropdowns, by the state field each sets (``analyse-<name>``)

# What one choice redraws, by name (Dash's dictionary form of a callback's outputs).
VIEW_OUTPUTS = {
    "stored": Output("analyse-state", "data"),
    "url": Output("analyse-url", "data"),
    # the controls stay drawn (the reader's focus stays on the one just used): their properties
    "options": {name: Output(f"analyse-{name}", "options") for name in CHOSEN},
    "values": {name: Output(f"analyse-{name}", "value") for name in CHOSEN},
    "disabled": {name: Output(f"analyse-{name}", "disabled") for name in CHOSEN},
    "reasons": {name: Output(f"analyse-{name}-group", "title") for name in CHOSEN},
    "labels": Output("analyse-labels", "value"),
    "labels_hidden": Output("analyse-labels-box", "hidden"),
    "release": Output("analyse-release", "children"),
    "notices": Output("notices", "children"),
    "banner_hidden": Output("simulated-banner", "hidden"),
    "title": Output("analyse-title", "children"),
    "chart": Output("analyse-chart-box", "children"),
    "rows": Output("analyse-table", "rowData"),
    "columns": Output("analyse-table", "columnDefs"),
    "table_caption": Output("analyse-table-caption", "children"),
    "test_note": Output("analyse-test-note", "children"),
    "caption": Output("analyse-caption", "children"),
    "excel": Output("analyse-excel", "data"),
    "top3": Output("analyse-top3-box", "children"),
    "maps": Output("analyse-maps-box", "children"),
    # the share bar's links and the embed code (the Carte writes its own as the dialog opens,
    # callbacks.sharing: the one output two callbacks write)
    "share": {
        component: Output(component, prop, allow_duplicate=component == "embed-code")
        for component, prop in SHARE_PARTS.items()
    },
}


@callback(
    output=VIEW_OUTPUTS,
    inputs={
        "chosen": {name: Input(f"analyse-{name}", "value") for name in CHOSEN},
        "labels": Input("analyse-labels", "value"),
    },
    state={"stored": State("analyse-state", "data")},
    prevent_initial_call=True,
)
def choose_table(chosen: dict[str, object], labels: object, stored: object) -> dict[str, object]:
    """The new table's view, as the page would draw it from the new URL: its controls, texts,
    chart, grid, maps, notices of what was adjusted, and links."""
    context = callback_context()
    if not as_mapping(stored):
        raise PreventUpdate
    before = stored_state(stored, context.choices)
    after = next_state(before, {**chosen, "labels": bool(labels)})
    state, _ = parse_state(after, context.choices)
    view, adjusted = analysis_view(context, state)
    dataset = context.dataset(state.dataset)
    lang = state.lang
    title = frame_title(view.title, lang)
    links = share_links(request_origin(), ANALYSE_PAGE, view.state, dataset.id, title)
    return {
        "stored": view.state.model_dump(mode="json"),
        "url": address(state, view),
        **_controls(context, view, chosen, labels),
        "release": release_text(dataset, lang),
        "notices": notices(adjusted, lang),
        "banner_hidden": not dataset.simulated,
        **view_parts(context, view),
        "share": share_parts(links, downloads=not view.no_value),
    }


def _controls(
    context: DataContext, view: AnalysisView, chosen: dict[str, object], labels: object
) -> dict[str, object]:
    """The controls' properties; a value travels only when the view changed it (the reader's
    choice coerced: rows and columns swapped, another actor's segment…), as on the Carte."""
    shown = control_values(context, view)
    values = shown["values"]
    return {
        **shown,
        "values": {
            name: no_update if values[name] == chosen.get(name) else values[name] for name in CHOSEN
        },
        "labels": no_update if shown["labels"] == bool(labels) else shown["labels"],
    }


# The address bar and the header's links follow the view without reloading the page.
clientside_callback(
    ClientsideFunction(namespace="phare", function_name="followAnalyse"),
    Output("analyse-url", "clear_data"),
    Input("analyse-url", "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction(namespace="phare", function_name="copy"),
    Output("copy-excel-status", "children"),
    Input("copy-excel", "n_clicks"),
    State("analyse-excel", "data"),
    State("copy-excel", "data-copied"),
    prevent_initial_call=True,
)
