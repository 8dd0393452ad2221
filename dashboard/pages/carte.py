"""Carte: the choropleth explorer — filters, search, map, selection, upload, table."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components.carte_filters import filter_panel
from dashboard.components.carte_map import map_panel
from dashboard.components.carte_national import national_block
from dashboard.components.carte_selection import commune_page_link, selection_panel
from dashboard.components.coverage import coverage_details
from dashboard.components.dropdown import dropdown_labels
from dashboard.components.filter_fold import filter_fold
from dashboard.components.page_shell import page_shell, unavailable_page
from dashboard.components.sharing import frame_title, request_origin, share_bar
from dashboard.components.values_table import values_table
from dashboard.core.context import Unavailable
from dashboard.figures.geo_map import TOPOJSON_URL
from dashboard.figures.tile_map import MAP_SIZE_PX
from dashboard.server.current import page_context
from dashboard.server.page_titles import page_title
from dashboard.text.i18n import t
from dashboard.upload.decoding import MAX_UPLOAD_BYTES, limit_text, too_large_attributes
from dashboard.views.carte_filters import filter_options
from dashboard.views.carte_search import option_for
from dashboard.views.credit import view_credit
from dashboard.views.filter_summary import filter_summary
from dashboard.views.sharing import share_links

dash.register_page(__name__, path="/", title=page_title("nav_map"), name="Carte")

GRAPH_CONFIG = {
    "displaylogo": False,
    "showSendToCloud": False,  # plotly.js 4 offers to upload the chart to Plotly Cloud
    "scrollZoom": True,
    "responsive": True,
    "topojsonURL": TOPOJSON_URL,
    "toImageButtonOptions": {"format": "png", "filename": "phare-carte", "scale": 2},
}

# The map's height follows its box's width (assets/map_fit.css): the page gives the box the
# width of the figure's legend margin, which the box's width must leave to the map; the style
# sheet gives the graph its height (the graph's own style would win over a style sheet's).
LEGEND_WIDTH_VAR = "--map-legend-px"
MAP_STYLE = {"height": "var(--map-height)"}


def layout(**query: object) -> html.Main:
    context, state, problems = page_context(query)
    if isinstance(context, Unavailable):
        return unavailable_page(context, state)
    panel = map_panel(context, state)
    embed = state.embed
    stores = [
        dcc.Store(id="carte-state", data=state.model_dump(mode="json")),
        dcc.Store(id="geometry-key", data=panel.geometry_key),
        dcc.Store(id="commune-upload", storage_type="memory"),
        dcc.Store(id="url-sync"),
    ]
    # the search box stays out of the phone's fold: finding one's commune is the first step
    controls = [filter_panel(filter_options(context, state), state), _commune_tools(state)]
    columns = dbc.Row(
        [
            dbc.Col(
                # on a phone: one « Filtres » line, the map under it (assets/phone.css)
                [
                    _search_box(context, state),
                    filter_fold(controls, filter_summary(context, state), state.lang),
                ],
                md=3,
                className="controls-column",
                # embed mode: the controls stay for the callbacks' sake, out of sight
                style={"display": "none"} if embed else None,
            ),
            dbc.Col(_map_column(context, panel, state), md=12 if embed else 9),
        ]
    )
    return page_shell(
        "/", state, problems, [*stores, columns], simulated=panel.view.simulated, home=True
    )


def _search_box(context, state) -> html.Div:
    lang = state.lang
    return html.Div(
        [
            html.Label(
                t("search", lang), id="search-label", htmlFor="search", className="filter-label"
            ),
            dcc.Dropdown(
                id="search",
                options=option_for(context, state.territory, lang),
                value=None if state.territory == "FR" else state.territory,
                placeholder=t("search_placeholder", lang),
                searchable=True,
                clearable=True,
                className="filter",
                labels=dropdown_labels(lang),
            ),
            # a chosen commune's page, one click away where the eyes and the focus are (on a
            # phone the selection panel is far below, under the map)
            html.Div(commune_page_link(state), id="search-next", className="search-next"),
        ],
        className="search",
        role="search",
        **{"aria-labelledby": "search-label"},
    )


def _commune_tools(state) -> html.Div:
    lang = state.lang
    return html.Div(
        [
            dbc.Button(t("whole_france", lang), id="whole-france", color="secondary", size="sm"),
            dcc.Upload(
                t("upload_prompt", lang, limit=limit_text(lang)),
                id="upload",
                accept=".csv,.txt,text/csv",
                max_size=MAX_UPLOAD_BYTES,
                className="upload-zone",
                disabled=state.embed,  # an embed is read-only
            ),
            html.P(t("upload_private", lang), className="upload-note"),
            # written by assets/upload_limit.js only, never by a callback (React would wipe it):
            # the browser drops a file over max_size without a word (plotly/dash#2638)
            html.Div(
                id="upload-too-large",
                role="alert",
                className="upload-too-large",
                **{"data-upload-for": "upload", **too_large_attributes(lang)},
            ),
            html.Div(id="upload-report", role="status"),
        ],
        id="commune-tools",
        hidden=state.level != "commune",
        className="commune-tools",
    )


def _map_box(panel, state, *, hidden: bool) -> html.Div:
    """The map, kept in view while it updates under a still badge: Dash's default hides the
    map and animates a spinner, and every animation frame is drawn again by a
    software-rendered browser (measured: one region's communes redrew 25 % later).

    Its height comes from the style sheet, from its width (``assets/map_fit.css``), in an
    embed too: an embed's frame follows the page's height, which must not follow the frame's.
    """
    return html.Div(
        dcc.Loading(
            dcc.Graph(
                id="map",
                figure=panel.figure,
                config={**GRAPH_CONFIG, "locale": state.lang},
                className="map",
                style=MAP_STYLE,
            ),
            id="map-loading",
            overlay_style={"visibility": "visible"},
            custom_spinner=html.Div(t("map_updating", state.lang), className="map-updating"),
            delay_show=0,
        ),
        id="map-box",
        hidden=hidden,
    )


def _map_fit(panel, state, national: object) -> html.Div:
    """The map and its legend in a box sized by its own width (``assets/map_fit.css``): when
    the box is narrow, the figure's legend margin is dropped and the text legend shows under
    the map (``assets/map_fit.js``); otherwise the text legend is for screen readers only."""
    legend_px = panel.changes["layout"]["margin"]["l"]
    return html.Div(
        [
            _map_box(panel, state, hidden=national is not None),
            html.Div(panel.legend, id="legend", className="legend visually-hidden"),
        ],
        className="map-fit",
        style={LEGEND_WIDTH_VAR: f"{legend_px}px"},
        # the size a commune map's zoom is computed for, which the browser scales to its own
        **{"data-tile-px": ",".join(str(side) for side in MAP_SIZE_PX)},
    )


def _map_column(context, panel, state) -> list:
    lang = state.lang
    national = national_block(context, state)
    return [
        html.H2(panel.title, id="map-title"),
        # what is published, on one line above the map, the table folded under it
        html.Div(coverage_details(context, state), id="published-coverage-box"),
        # a view with a national figure only: its national chart in the map's place
        html.Div(national, id="national-view", hidden=national is None),
        _map_fit(panel, state, national),
        # the map in one sentence: its caption for everyone, what a screen reader says of it
        html.P(panel.summary, id="map-summary", className="map-summary", **{"aria-live": "polite"}),
        html.P(panel.coverage, id="coverage", className="coverage"),
        html.P(panel.france, id="france-value", className="france-value"),
        html.Div(
            selection_panel(context, panel.view, state),
            id="selection",
            className="selection",
            hidden=state.embed,
        ),
        # the map's sources (« non publié » without a regional value): the chart has its own
        html.Div(panel.sources, id="sources", className="sources", hidden=national is not None),
        # the URL of the view, kept by the callback; the address bar and the share bar follow it
        html.A(t("permalink", lang), id="permalink", href=panel.permalink, hidden=True),
        share_bar(
            share_links(
                request_origin(), "/", state, panel.release, frame_title(panel.title, lang)
            ),
            lang,
            exports=True,
            embed=state.embed,
            downloads=panel.view.has_regional_value,
            credit=view_credit(context, state, panel.view.sources),
        ),
        html.Details(
            [
                html.Summary(t("table_caption", lang)),
                values_table(panel.rows, lang),
            ]
        ),
    ]
