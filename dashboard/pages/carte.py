"""Carte: the choropleth explorer — filters, search, map, selection, upload, table."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.commune_upload import MAX_UPLOAD_BYTES
from dashboard.components.filter_panel import filter_panel
from dashboard.components.map_panel import map_panel
from dashboard.components.notices import notices
from dashboard.components.selection import selection_panel
from dashboard.components.values_table import values_table
from dashboard.context import Unavailable, current_context
from dashboard.figures.geo_map import TOPOJSON_URL
from dashboard.filters import filter_options
from dashboard.i18n import t
from dashboard.search import option_for
from dashboard.state import parse_state, state_query

dash.register_page(__name__, path="/", title="PHARE – Carte", name="Carte")

GRAPH_CONFIG = {
    "displaylogo": False,
    "scrollZoom": True,
    "responsive": True,
    "topojsonURL": TOPOJSON_URL,
    "toImageButtonOptions": {"format": "png", "filename": "phare-carte", "scale": 2},
}


def layout(**query: object) -> html.Main:
    context = current_context()
    if isinstance(context, Unavailable):
        state, _ = parse_state(query)
        return html.Main(
            dbc.Alert(t("data_unavailable", state.lang, reason=context.reason), color="danger"),
            className="container py-4",
        )
    state, problems = parse_state(query, context.choices)
    lang = state.lang
    panel = map_panel(context, state)
    other_lang = "en" if lang == "fr" else "fr"
    return html.Main(
        [
            dcc.Store(id="carte-state", data=state.model_dump(mode="json")),
            dcc.Store(id="geometry-key", data=panel.geometry_key),
            dcc.Store(id="commune-upload", storage_type="memory"),
            dcc.Store(id="url-sync"),
            html.Header(
                [
                    html.H1(t("app_title", lang)),
                    html.P(t("app_subtitle", lang), className="lead"),
                    html.A(
                        t("language_switch", lang),
                        href="/" + state_query(state, lang=other_lang),
                        lang=other_lang,
                        className="language-switch",
                    ),
                ],
                className="app-header",
            ),
            html.Div(notices(problems, lang), id="notices"),
            html.Div(
                t("simulated", lang),
                id="simulated-banner",
                className="simulated-banner",
                hidden=not panel.view.simulated,
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            _search_box(context, state),
                            filter_panel(filter_options(context, state), state),
                            _commune_tools(state),
                        ],
                        md=3,
                    ),
                    dbc.Col(_map_column(context, panel, state), md=9),
                ]
            ),
        ],
        className="container-fluid py-3",
        lang=lang,
    )


def _search_box(context, state) -> html.Div:
    lang = state.lang
    return html.Div(
        [
            html.Label(t("search", lang), htmlFor="search", className="filter-label"),
            dcc.Dropdown(
                id="search",
                options=option_for(context, state.territory, lang),
                value=None if state.territory == "FR" else state.territory,
                placeholder=t("search_placeholder", lang),
                searchable=True,
                clearable=True,
                className="filter",
            ),
        ],
        className="search",
    )


def _commune_tools(state) -> html.Div:
    lang = state.lang
    return html.Div(
        [
            dbc.Button(t("whole_france", lang), id="whole-france", color="secondary", size="sm"),
            dcc.Upload(
                t("upload_prompt", lang),
                id="upload",
                accept=".csv,.txt,text/csv",
                max_size=MAX_UPLOAD_BYTES,
                className="upload-zone",
            ),
            html.P(t("upload_private", lang), className="upload-note"),
            html.Div(id="upload-report", role="status"),
        ],
        id="commune-tools",
        hidden=state.level != "commune",
        className="commune-tools",
    )


def _map_column(context, panel, state) -> list:
    lang = state.lang
    return [
        html.H2(panel.title, id="map-title"),
        dcc.Loading(
            dcc.Graph(
                id="map",
                figure=panel.figure,
                config=GRAPH_CONFIG,
                className="map",
                style={"height": "620px"},
            ),
            id="map-loading",
            type="default",
            delay_show=0,
        ),
        html.Div(panel.legend, id="legend", className="legend visually-hidden"),
        html.P(panel.coverage, id="coverage", className="coverage"),
        html.P(panel.france, id="france-value", className="france-value"),
        html.Div(
            selection_panel(context, panel.view, state), id="selection", className="selection"
        ),
        html.Div(panel.sources, id="sources", className="sources"),
        html.A(t("permalink", lang), id="permalink", href=panel.permalink),
        html.Details(
            [
                html.Summary(t("table_caption", lang)),
                values_table(panel.rows, lang),
            ]
        ),
    ]
