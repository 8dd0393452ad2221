"""Carte: the choropleth of the 13 metropolitan regions for one indicator and one actor."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components.map_panel import map_panel
from dashboard.components.notices import notices
from dashboard.context import Unavailable, current_context
from dashboard.i18n import t
from dashboard.mapview import actor_options
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
    actor_dropdown = dcc.Dropdown(
        id="actor",
        options=[
            {
                "label": option.label
                if option.has_values
                else f"{option.label} ({t('no_value_for_actor', lang)})",
                "value": option.id,
                "disabled": not option.has_values,
            }
            for option in actor_options(context, state)
        ],
        value=state.actor,
        clearable=False,
        searchable=False,
    )
    return html.Main(
        [
            dcc.Store(id="carte-state", data=state.model_dump(mode="json")),
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
                    dbc.Col(
                        html.Section(
                            [html.Label(t("actor", lang), htmlFor="actor"), actor_dropdown],
                            className="filters",
                            **{"aria-label": "Filtres"},
                        ),
                        md=3,
                    ),
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
