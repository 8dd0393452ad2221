"""Analyse sur mesure (``/analyse?indicator=fragility_mean_score&rows=fragility&cols=actor``):
a cross-table of two dimensions, the chart that fits it, the top 3 by actor and small-multiple
maps on one scale.

The page is drawn from its URL, like Comparer: a choice in the controls opens the URL of the
new table (``callbacks/analyse.py``), so the permalink always restores what is shown.
"""

from __future__ import annotations

import json
from dataclasses import replace

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components.chart_table import GRAPH_CONFIG, data_table
from dashboard.components.dropdown import labelled_dropdown
from dashboard.components.page_shell import page_shell, unavailable_page
from dashboard.components.sharing import frame_title
from dashboard.components.values_table import data_grid
from dashboard.core.context import DataContext, Unavailable
from dashboard.core.state import Notice
from dashboard.figures.analyse import chart_figure, maps_figure
from dashboard.figures.geo_map import TOPOJSON_URL
from dashboard.server.current import page_context
from dashboard.server.page_titles import page_title
from dashboard.text.cells import release_text
from dashboard.text.i18n import t
from dashboard.views.analyse import (
    AnalysisView,
    analysis_chart,
    analysis_view,
    excel_text,
    grid_rows,
    group_labels,
    shows_top3,
    top_rows,
)
from dashboard.views.analyse_controls import Control, analysis_controls
from dashboard.views.analyse_maps import AnalysisMaps, analysis_maps

dash.register_page(__name__, path="/analyse", title=page_title("nav_analyse"), name="Analyse")


def layout(**query: object) -> html.Main:
    context, state, problems = page_context(query)
    if isinstance(context, Unavailable):
        return unavailable_page(context, state)
    view, adjusted = analysis_view(context, state)
    dataset = context.dataset(state.dataset)
    lang = state.lang
    body = [
        dcc.Location(id="analyse-location", refresh=True),
        dcc.Store(id="analyse-state", data=view.state.model_dump(mode="json")),
        html.H1(t("analyse_title", lang)),
        html.P(t("analyse_intro", lang), className="lead", hidden=state.embed),
        html.P(release_text(dataset, lang), className="release-line"),
        html.Div(controls(context, view), hidden=state.embed, className="no-print"),
        html.H2(view.title, id="analyse-title"),
        *sections(context, view),
    ]
    return page_shell(
        "/analyse",
        view.state,
        [*(_with_default(notice, view) for notice in problems), *adjusted],
        body,
        simulated=dataset.simulated,
        release=dataset.id,
        title=frame_title(view.title, lang),
        exports=True,
    )


def _with_default(notice: Notice, view: AnalysisView) -> Notice:
    """A bad ``rows`` or ``cols`` names the dimension used instead (its default is the
    indicator's table, not one value)."""
    if notice.name in ("rows", "cols") and not notice.default:
        return replace(notice, default=getattr(view.table.choice, notice.name))
    return notice


def sections(context: DataContext, view: AnalysisView) -> list:
    """Chart, table (with its copy button and the note on marks), top 3, maps."""
    lang = view.state.lang
    parts = [
        html.Section(
            [
                html.H3(t("analyse_chart", lang)),
                dcc.Graph(
                    id="analyse-chart",
                    figure=chart_figure(analysis_chart(context, view)),
                    config={**GRAPH_CONFIG, "locale": lang},
                    className=f"analyse-{view.chart}",
                ),
            ],
            className="analyse-section",
        ),
        table_section(context, view),
    ]
    if shows_top3(view):
        parts.append(top3_section(view))
    maps = analysis_maps(context, view)
    if maps is not None:
        parts.append(maps_section(context, view, maps))
    return parts


def table_section(context: DataContext, view: AnalysisView) -> html.Section:
    lang = view.state.lang
    table = view.table
    columns = []
    if table.choice.rows == "fragility":
        groups = group_labels(context, view)
        columns.append(
            {
                "field": "group",
                "headerName": t("group_col", lang),
                "sortable": True,
                "minWidth": 170,
                "valueFormatter": {"function": f"({groups_js(groups)})[params.value]"},
            }
        )
    columns.append(
        {
            "field": "label",
            "headerName": t(f"dim_{table.choice.rows}", lang),
            "sortable": True,
            "minWidth": 220,
        }
    )
    for at, col in enumerate(table.cols):
        columns.append(
            {
                "headerName": col.label,
                "children": [
                    {
                        "field": f"c{at}_value",
                        "headerName": t("value", lang),
                        "sortable": True,
                        "type": "rightAligned",
                        "valueFormatter": {"function": f"params.data.c{at}_text"},
                        "minWidth": 110,
                    },
                    {
                        "field": f"c{at}_interval",
                        "headerName": t("interval_col", lang),
                        "minWidth": 120,
                    },
                    {
                        "field": f"c{at}_n",
                        "headerName": t("n_col", lang),
                        "type": "rightAligned",
                        "minWidth": 80,
                    },
                ],
            }
        )
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
                columns,
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


def groups_js(groups: dict[str, str]) -> str:
    """A JavaScript object literal of the group labels (JSON is one)."""
    return json.dumps(groups, ensure_ascii=False)


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
    figure = maps_figure(maps, context.geometry_url("regions"))
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
    if control.reason:
        group.title = control.reason
    return group
