"""Carte: the choropleth of the regions for one indicator, actor, segment and fragility."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components.filter_panel import filter_panel
from dashboard.components.map_panel import map_panel
from dashboard.components.notices import notices
from dashboard.context import Unavailable, current_context
from dashboard.filters import filter_options
from dashboard.i18n import t
from dashboard.state import parse_state, state_query

dash.register_page(__name__, path="/", title="PHARE – Carte", name="Carte")

GRAPH_CONFIG = {"displaylogo": False, "scrollZoom": True, "responsive": True}


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
            dbc.Row(
                [
                    dbc.Col(filter_panel(filter_options(context, state), state), md=3),
                    dbc.Col(
                        [
                            html.H2(panel.title, id="map-title"),
                            dcc.Graph(
                                id="map",
                                figure=panel.figure,
                                config=GRAPH_CONFIG,
                                className="map",
                                style={"height": "620px"},
                            ),
                            html.Div(
                                [
                                    html.Div(panel.legend, id="legend", className="legend"),
                                    html.P(panel.coverage, id="coverage", className="coverage"),
                                ],
                                className="legend-row",
                            ),
                            html.Div(panel.sources, id="sources", className="sources"),
                            html.A(t("permalink", lang), id="permalink", href=panel.permalink),
                            html.Details(
                                [
                                    html.Summary(t("table_caption", lang)),
                                    html.Div(panel.table, id="values-table"),
                                ]
                            ),
                        ],
                        md=9,
                    ),
                ]
            ),
        ],
        className="container-fluid py-3",
        lang=lang,
    )
