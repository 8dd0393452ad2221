"""The parts of the Analyse page: the controls, the chart, the cross-table with its copy, the
top 3 and the maps, each assembled from the view's data and its figure (ids ``analyse-…``).

The page draws them once from its URL (``dashboard/pages/analyse.py``); a choice in the controls
redraws them in place (:func:`view_parts`, ``callbacks/analyse.py``): the chart, top 3 and maps
as the children of their boxes, the grid through its rows and columns, so it stays in view.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components.chart_table import GRAPH_CONFIG, data_table, no_value_note
from dashboard.components.dropdown import labelled_dropdown
from dashboard.components.page_shell import NAVIGATION
from dashboard.components.values_table import data_grid
from dashboard.core.context import DataContext
from dashboard.core.state import ANALYSE_PAGE, AppState, page_query, shared_state, state_query
from dashboard.figures.analyse import chart_figure, maps_figure
from dashboard.figures.geo_map import TOPOJSON_URL
from dashboard.figures.small_multiples import fit_panels
from dashboard.text.i18n import t
from dashboard.views.analyse import AnalysisView, analysis_chart, shows_top3, top_rows
from dashboard.views.analyse_controls import Control, analysis_controls
from dashboard.views.analyse_grid import excel_text, grid_columns, grid_rows
from dashboard.views.analyse_maps import AnalysisMaps, analysis_maps, drawn_extent
from dashboard.views.sharing import ShareLinks

# the controls' rows, by the state field each sets
CONTROL_ROWS = (
    ("dataset", "indicator", "fragility"),
    ("rows", "cols"),
    ("actor", "segment", "territory", "group"),
)


def controls(context: DataContext, view: AnalysisView) -> html.Div:
    """Measure, rows, columns and the filters; a filter that a dimension replaces is disabled
    with the reason (:mod:`dashboard.views.analyse_controls`)."""
    lang = view.state.lang
    chosen = analysis_controls(context, view.state, view.table.choice)
    return html.Div(
        [
            html.H2(t("analyse_filters", lang), className="visually-hidden"),
            *(
                html.Div(
                    [_dropdown(chosen.dropdowns[name], lang) for name in row],
                    className="analyse-controls",
                )
                for row in CONTROL_ROWS
            ),
            html.Div(
                dbc.Checkbox(
                    id="analyse-labels", label=t("labels_option", lang), value=chosen.labels
                ),
                id="analyse-labels-box",
                hidden=not chosen.labels_shown,  # only the maps have labels
            ),
        ],
        className="analyse-chooser",
    )


def _dropdown(control: Control, lang: str) -> html.Div:
    group = labelled_dropdown(
        f"analyse-{control.name}",
        control.label,
        lang,
        options=list(control.options),
        value=control.value,
        clearable=False,
        disabled=control.disabled,
        className="filter",
    )
    group.id = f"analyse-{control.name}-group"
    if control.reason:
        group.title = control.reason
    return group


def control_values(context: DataContext, view: AnalysisView) -> dict[str, object]:
    """The controls' properties a choice changes, by property then control name (the
    controls stay drawn, so a reader's focus stays on the one just used): options, value,
    whether disabled and why (the group's title), the labels box."""
    chosen = analysis_controls(context, view.state, view.table.choice)
    dropdowns = chosen.dropdowns.values()
    return {
        "options": {c.name: list(c.options) for c in dropdowns},
        "values": {c.name: c.value for c in dropdowns},
        "disabled": {c.name: c.disabled for c in dropdowns},
        "reasons": {c.name: c.reason for c in dropdowns},
        "labels": chosen.labels,
        "labels_hidden": not chosen.labels_shown,
    }


def updating(children: list, lang: str) -> dcc.Loading:
    """The parts a choice redraws, kept in view while they update under a still badge (as the
    Carte's map): Dash's default would hide them and animate a spinner."""
    return dcc.Loading(
        children,
        id="analyse-loading",
        overlay_style={"visibility": "visible"},
        custom_spinner=html.Div(t("analyse_updating", lang), className="analyse-updating"),
        delay_show=0,
    )


def sections(context: DataContext, view: AnalysisView) -> list[html.Div | html.Section]:
    """Chart, table (with its copy button and the note on marks), top 3, maps; the chart, the
    top 3 and the maps in boxes of their own, which a choice fills again (:func:`view_parts`)."""
    return [
        html.Div(chart_section(context, view), id="analyse-chart-box"),
        table_section(context, view),
        html.Div(_top3(view), id="analyse-top3-box"),
        html.Div(_maps(context, view), id="analyse-maps-box"),
    ]


def view_parts(context: DataContext, view: AnalysisView) -> dict[str, object]:
    """What a choice redraws, by name: the title, the boxes' children, the grid's rows and
    columns (the grid itself stays drawn), its captions and the copy for a spreadsheet."""
    lang = view.state.lang
    return {
        "title": view.title,
        "chart": chart_section(context, view),
        "rows": grid_rows(view),
        "columns": grid_columns(context, view),
        "table_caption": t("analyse_table_caption", lang, title=view.title),
        "test_note": view.test_note,
        "caption": view.caption,
        "excel": excel_text(view),
        "top3": _top3(view),
        "maps": _maps(context, view),
    }


def address(state: AppState, view: AnalysisView) -> dict[str, object]:
    """Where the address bar and the header's links go after a choice (``assets/analyse.js``),
    as a reload of the new URL would write them: the table's URL (``state``, as parsed), the
    other language's, and the other pages' (which carry only the reader's shared choices)."""
    query = page_query(ANALYSE_PAGE, state)
    shared = shared_state(view.state, dict(parse_qsl(query.lstrip("?"))), ANALYSE_PAGE)
    other = "en" if view.state.lang == "fr" else "fr"
    return {
        "href": ANALYSE_PAGE + query,
        "language": ANALYSE_PAGE + page_query(ANALYSE_PAGE, view.state, lang=other),
        "navigation": [href + state_query(shared) for _, href in NAVIGATION],
    }


# The share bar's parts that follow the view, by id (as ``components.sharing._downloads`` names
# them): the permalink, the embed's link back, the downloads and whether they are hidden.
SHARE_PARTS = {
    "share-permalink": "value",
    "share-full-view": "href",
    "export-png-16-9": "href",
    "export-png-4-3": "href",
    "export-svg": "href",
    "export-csv-fr": "href",
    "export-csv-standard": "href",
    "share-downloads": "hidden",
    "embed-code": "value",
}


def share_parts(links: ShareLinks, *, downloads: bool) -> dict[str, object]:
    """The values of :data:`SHARE_PARTS`; without ``downloads`` (a table with no value) the
    download links lose their address and are hidden."""
    images = {f"export-{name}": url if downloads else None for name, url in links.images}
    tables = {f"export-csv-{flavour}": url if downloads else None for flavour, url in links.tables}
    return {
        "share-permalink": links.permalink,
        "share-full-view": links.full_view,
        **images,
        **tables,
        "share-downloads": not downloads,
        "embed-code": links.embed_code,
    }


def _top3(view: AnalysisView) -> list[html.Section]:
    return [top3_section(view)] if shows_top3(view) else []


def _maps(context: DataContext, view: AnalysisView) -> list[html.Section]:
    maps = None if view.no_value else analysis_maps(context, view)
    return [] if maps is None else [maps_section(context, view, maps)]


def chart_section(context: DataContext, view: AnalysisView) -> html.Section:
    """The dot plot or the heatmap, whichever fits the table (``view.chart``); a table with no
    value says so instead."""
    lang = view.state.lang
    if view.no_value:
        return html.Section(
            [html.H3(t("analyse_chart", lang)), no_value_note("analyse-no-value", view.no_value)],
            className="analyse-section",
        )
    # a heatmap is laid out for a table about 800 px wide: a phone scrolls it sideways (the
    # frame takes the focus, so a keyboard can scroll it too)
    return html.Section(
        [
            html.H3(t("analyse_chart", lang), id="analyse-chart-heading"),
            html.Div(
                dcc.Graph(
                    id="analyse-chart",
                    figure=chart_figure(analysis_chart(context, view)),
                    config={**GRAPH_CONFIG, "locale": lang},
                    className=f"analyse-{view.chart}",
                ),
                className="chart-scroll",
                tabIndex=0,
                role="region",
                **{"aria-labelledby": "analyse-chart-heading"},
            ),
        ],
        className="analyse-section",
    )


def table_section(context: DataContext, view: AnalysisView) -> html.Section:
    """The grid, the note on marks, the sources and the copy for a spreadsheet."""
    lang = view.state.lang
    return html.Section(
        [
            html.H3(t("analyse_table", lang)),
            html.P(
                t("analyse_table_caption", lang, title=view.title),
                id="analyse-table-caption",
                className="visually-hidden",
            ),
            data_grid(
                "analyse-table",
                grid_rows(view),
                grid_columns(context, view),
                class_name="analyse-table",
                grid_options={"domLayout": "autoHeight", "suppressColumnVirtualisation": True},
                lang=lang,
            ),
            html.P(view.test_note, className="analyse-note", id="analyse-test-note"),
            html.P(view.caption, className="analyse-caption", id="analyse-caption"),
            html.Div(
                [
                    dcc.Store(id="analyse-excel", data=excel_text(view)),
                    html.Button(
                        t("copy_excel", lang),
                        id="copy-excel",
                        type="button",
                        className="btn btn-outline-secondary btn-sm copy-button",
                        **{"data-copied": t("copied", lang)},
                    ),
                    html.Span(id="copy-excel-status", className="copy-status", role="status"),
                ],
                className="share-field no-print",
            ),
        ],
        className="analyse-section",
        **{"aria-labelledby": "analyse-table-caption"},
    )


def top3_section(view: AnalysisView) -> html.Section:
    lang = view.state.lang
    header = [t("actor", lang), "1", "2", "3"]
    return html.Section(
        [
            html.H3(t("analyse_top3", lang)),
            data_table(
                "analyse-top3",
                t("analyse_top3_caption", lang),
                header,
                top_rows(view),
                printed=True,
            ),
        ],
        className="analyse-section",
    )


def maps_section(context: DataContext, view: AnalysisView, maps: AnalysisMaps) -> html.Section:
    """One map per member of the other dimension, the members left out said in a notice."""
    lang = view.state.lang
    choice = view.table.choice
    other = choice.cols if choice.rows == "territory" else choice.rows
    dropped = []
    if maps.dropped:
        dropped.append(
            dbc.Alert(
                t(
                    "analyse_maps_dropped",
                    lang,
                    max=len(maps.panels),
                    dropped=", ".join(maps.dropped),
                ),
                color="info",
                id="analyse-maps-dropped",
            )
        )
    figure = fit_panels(
        maps_figure(maps, context.geometry_url("regions")), drawn_extent(context, maps)
    )
    return html.Section(
        [
            html.H3(t("analyse_maps", lang)),
            html.P(t("analyse_maps_help", lang, dimension=t(f"dim_{other}", lang).lower())),
            *dropped,
            dcc.Graph(
                id="analyse-maps",
                figure=figure,
                config={**GRAPH_CONFIG, "locale": lang, "topojsonURL": TOPOJSON_URL},
                style={"height": f"{figure.layout.height}px"},
            ),
        ],
        className="analyse-section",
    )
