"""Ma commune (``/commune/<insee>``): a mayor finds their commune and sees where it is, its size
class, the values of its stratum (region × size) and its region's profile.

Nothing here is a result of the commune: stratum values are labelled as such, and the region's
profile as regional estimates. An unknown code answers 404 and a former code redirects to the
current commune before this layout runs (``dashboard.server.routes``).
"""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard.components.chart_table import data_table
from dashboard.components.dropdown import dropdown_labels
from dashboard.components.page_shell import page_shell, unavailable_page
from dashboard.components.region import embedded_profile
from dashboard.core.context import DataContext, Unavailable
from dashboard.core.state import AppState, state_query
from dashboard.figures.geo_map import TOPOJSON_URL
from dashboard.figures.locator import build_locator
from dashboard.server.current import page_context
from dashboard.server.page_titles import page_title
from dashboard.text.i18n import labelled, t
from dashboard.views.commune import (
    CommuneProfile,
    commune_facts,
    commune_profile,
    locator_text,
    profile_links,
    size_note,
    stratum_rows,
)
from dashboard.views.credit import profile_credit

# ``/commune`` (and ``/commune/``, Dash strips the slash) is the search page with no commune
# yet, the navigation's « Ma commune »: Dash matches a page's ``path`` when its template fails.
dash.register_page(
    __name__,
    path="/commune",
    path_template="/commune/<insee>",
    title=page_title("commune_page"),
    name="Ma commune",
)

LOCATOR_CONFIG = {
    "displaylogo": False,
    "displayModeBar": False,
    "showSendToCloud": False,
    "scrollZoom": False,
    "responsive": True,
    "topojsonURL": TOPOJSON_URL,  # Plotly's base topology from the app, never from a CDN
}
STRATUM_HEADER = ("indicator", "value", "interval_col", "n_col", "n_eff_col", "status")


def layout(insee: str | None = None, **query: object) -> html.Main:
    context, state, problems = page_context(query)
    if isinstance(context, Unavailable):
        return unavailable_page(context, state)
    # ``?insee=`` in the query takes the path's place (Dash's rule), a list when repeated
    profile = commune_profile(context, insee) if isinstance(insee, str) and insee else None
    simulated = context.dataset(state.dataset).simulated
    body = [
        dcc.Store(id="commune-state", data={"lang": state.lang, "query": state_query(state)}),
        dcc.Location(id="commune-location", refresh=True),
        html.H1(t("commune_page", state.lang) if profile is None else profile.name),
        html.P(t("commune_intro", state.lang), className="commune-intro"),
        html.Div(_search_box(state), hidden=state.embed),
    ]
    if profile is not None:
        body += _commune_sections(context, state, profile, simulated)
    path = f"/commune/{profile.code}" if profile is not None else "/commune/"
    return page_shell(
        path,
        state,
        problems,
        body,
        simulated=simulated and profile is not None,
        release=context.dataset(state.dataset).id,
        title=" – ".join([t("app_title", state.lang), *([profile.name] if profile else [])]),
        credit=None if profile is None else profile_credit(context, state, profile.region),
    )


def _search_box(state: AppState) -> html.Div:
    lang = state.lang
    return html.Div(
        [
            html.Label(
                t("commune_search", lang),
                id="commune-finder-label",
                htmlFor="commune-finder",
                className="filter-label",
            ),
            dcc.Dropdown(
                id="commune-finder",
                options=[],
                placeholder=t("commune_search_placeholder", lang),
                searchable=True,
                clearable=True,
                search_order="original",
                className="filter",
                labels=dropdown_labels(lang),
            ),
        ],
        className="search commune-search",
        role="search",
        **{"aria-labelledby": "commune-finder-label"},
    )


def _commune_sections(
    context: DataContext, state: AppState, profile: CommuneProfile, simulated: bool
) -> list:
    lang = state.lang
    return [
        html.Section(
            [
                html.Dl(
                    [
                        item
                        for label, text in commune_facts(profile, lang)
                        for item in (html.Dt(label), html.Dd(text))
                    ],
                    id="commune-facts",
                    className="commune-facts",
                ),
                html.P(size_note(profile, lang), className="size-note"),
            ],
            **{"aria-label": profile.name},
        ),
        _locator(context, profile, lang),
        _stratum_section(context, state, profile, simulated),
        html.Nav(
            html.Ul(
                [html.Li(html.A(label, href=href)) for label, href in profile_links(state, profile)]
            ),
            id="commune-links",
            className="commune-links",
            **{"aria-label": t("commune_links", lang)},
        ),
        html.Section(
            [
                html.H2(t("commune_region_estimates", lang, region=profile.region_name)),
                html.P(t("profile_intro", lang), className="lead"),
                *embedded_profile(context, state, profile.region),
            ],
            id="commune-region-profile",
        ),
    ]


def _locator(context: DataContext, profile: CommuneProfile, lang: str) -> html.Section:
    figure = build_locator(
        context.geometry_url("regions"),
        context.geometry_url("departements"),
        profile.region,
        profile.department,
        profile.point,
        profile.name,
        lang=lang,
    )
    return html.Section(
        [
            html.H2(t("commune_locator_heading", lang)),
            html.Figure(
                [
                    dcc.Graph(
                        id="commune-locator",
                        figure=figure,
                        config={**LOCATOR_CONFIG, "locale": lang},
                        style={"height": "320px", "maxWidth": "420px"},
                    ),
                    html.Figcaption(
                        locator_text(profile, lang), id="commune-locator-text", tabIndex=0
                    ),
                ],
                className="commune-locator",
            ),
        ]
    )


def _stratum_section(
    context: DataContext, state: AppState, profile: CommuneProfile, simulated: bool
) -> html.Section:
    lang = state.lang
    if profile.size is None:
        return html.Section(html.P(t("commune_size_unknown", lang)), id="commune-stratum")
    rows = stratum_rows(context, state, profile)
    caption = t("stratum", lang, region=profile.region_name, size=profile.size.label(lang))
    if simulated:
        caption += f" — {t('simulated', lang)}"
    table_rows = [
        (
            html.Span([row.indicator_label, html.Br(), html.Small(row.question)]),
            html.Span([row.value_label, html.Br(), html.Small(row.scope, className="scope")]),
            row.interval_label,
            row.n_label,
            row.n_eff_label,
            row.status_label,
        )
        for row in rows.itertuples(index=False)
    ]
    sources = sorted({source for source in rows["source"] if source})
    return html.Section(
        [
            html.H2(
                t(
                    "commune_stratum_heading",
                    lang,
                    region=profile.region_name,
                    size=profile.size.label(lang),
                )
            ),
            html.P(t("commune_stratum_explained", lang)),
            data_table(
                "commune-stratum-table",
                caption,
                [t(key, lang) for key in STRATUM_HEADER],
                table_rows,
            ),
            html.P(t("commune_stratum_none", lang), hidden=bool(rows["has_value"].any())),
            *[html.P(labelled("source", lang) + source, className="source") for source in sources],
        ],
        id="commune-stratum",
    )
