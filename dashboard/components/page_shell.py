"""The frame every page but the Carte shares: title, navigation, language switch, notices.

Links between pages keep the shared state (the query string): a reader going from the map to
a profile and back finds the view they left.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.components.notices import notices
from dashboard.context import Unavailable
from dashboard.i18n import t
from dashboard.state import AppState, Notice, state_query

NAVIGATION = (("nav_map", "/"), ("nav_compare", "/comparer"), ("nav_data", "/donnees"))


def page_shell(
    path: str,
    state: AppState,
    problems: list[Notice],
    body: list,
    *,
    simulated: bool = False,
) -> html.Main:
    """``body`` under the shared header; ``path`` is this page's path (for the language link)."""
    lang = state.lang
    other = "en" if lang == "fr" else "fr"
    header = html.Header(
        [
            html.P(t("app_title", lang), className="app-name"),
            html.Nav(
                [
                    html.A(t(key, lang), href=href + state_query(state), className="nav-link")
                    for key, href in NAVIGATION
                ],
                className="app-nav",
                **{"aria-label": t("navigation", lang)},
            ),
            html.A(
                t("language_switch", lang),
                href=path + state_query(state, lang=other),
                lang=other,
                className="language-switch",
            ),
        ],
        className="app-header page-header",
    )
    banner = html.Div(t("simulated", lang), className="simulated-banner", hidden=not simulated)
    return html.Main(
        [header, html.Div(notices(problems, lang), id="notices"), banner, *body],
        className="container py-3 profile-page",
        lang=lang,
    )


def unavailable_page(context: Unavailable, state: AppState) -> html.Main:
    return html.Main(
        dbc.Alert(t("data_unavailable", state.lang, reason=context.reason), color="danger"),
        className="container py-4",
    )
