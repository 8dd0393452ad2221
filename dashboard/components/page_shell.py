"""The frame every page shares: header (title, navigation, language switch), notices, the
simulated-data banner, the share bar.

Links between pages keep the shared state (the query string): a reader going from the map to
a profile and back finds the view they left. In embed mode (``?embed=1``) the frame keeps only
the name of the dashboard and a link to the full page; links open in a new tab
(``assets/embed.js``).
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.components.notices import notices
from dashboard.components.sharing import request_origin, share_bar
from dashboard.core.context import Unavailable
from dashboard.core.state import AppState, Notice, page_query, state_query
from dashboard.text.i18n import t
from dashboard.views.sharing import share_links

NAVIGATION = (
    ("nav_map", "/"),
    ("nav_france", "/region/FR"),
    ("nav_compare", "/comparer"),
    ("nav_analyse", "/analyse"),
    ("nav_data", "/donnees"),
    ("nav_commune", "/commune/"),  # a mayor's way in: the commune search page
)


def page_shell(
    path: str,
    state: AppState,
    problems: list[Notice],
    body: list,
    *,
    simulated: bool = False,
    release: str | None = None,
    title: str = "",
    exports: bool = False,
    home: bool = False,
    shared: AppState | None = None,
    credit: str | None = None,
) -> html.Main:
    """``body`` under the shared header; ``path`` is this page's path (for the language link).

    ``release``: the data release the page shows; with it the page gets its share bar
    (permalink pinned to that release, embed code titled ``title``); ``exports``: the page
    has image and table downloads (:func:`dashboard.views.sharing.export_url`). ``home``: the
    Carte, full width, whose header names the dashboard as its heading (its share bar sits
    under the map; an embed keeps the header hidden, and the heading for screen readers).
    ``shared``: the state the navigation carries to the other pages, when it is not ``state``
    (a page's own defaults stay on that page: ``core.state.shared_state``). ``credit``: the
    page's credit line (:mod:`dashboard.views.credit`), copied with the permalink.
    """
    lang = state.lang
    banner = html.Div(
        t("simulated", lang),
        id="simulated-banner",
        className="simulated-banner",
        hidden=not simulated,
    )
    share = []
    if release is not None:
        links = share_links(request_origin(), path, state, release, title)
        share = [share_bar(links, lang, exports=exports, embed=state.embed, credit=credit)]
    if home:
        header, frame = _home_header(state), "container-fluid py-3"
    else:
        header = _embed_header(lang) if state.embed else _header(path, state, shared or state)
        frame = "container py-3 profile-page"
    return html.Main(
        [*header, html.Div(notices(problems, lang), id="notices"), banner, *share, *body],
        className=frame + (" embed-view" if state.embed else ""),
        lang=lang,
    )


def _header(path: str, state: AppState, shared: AppState) -> list[html.Header]:
    name = html.P(t("app_title", state.lang), className="app-name")
    return [
        html.Header(
            [name, navigation(shared), _language_switch(path, state)],
            className="app-header page-header",
        )
    ]


def _home_header(state: AppState) -> list:
    """The Carte's header: the dashboard's name as the page's heading, and what it is about."""
    lang = state.lang
    heading = [html.H1(t("app_title", lang)), html.P(t("app_subtitle", lang), className="lead")]
    header = html.Header(
        [*heading, navigation(state), _language_switch("/", state)],
        className="app-header",
        hidden=state.embed,
    )
    # an embed shows no header, yet a page keeps its main heading for screen readers
    hidden_heading = [html.H1(t("app_title", lang), className="visually-hidden")]
    return [header, *(hidden_heading if state.embed else [])]


def _language_switch(path: str, state: AppState) -> html.A:
    other = "en" if state.lang == "fr" else "fr"
    return html.A(
        t("language_switch", state.lang),
        href=path + page_query(path, state, lang=other),
        lang=other,
        className="language-switch",
    )


def navigation(state: AppState) -> html.Nav:
    """Links to the other pages, keeping the view's state."""
    return html.Nav(
        [
            html.A(t(key, state.lang), href=href + state_query(state), className="nav-link")
            for key, href in NAVIGATION
        ],
        className="app-nav",
        **{"aria-label": t("navigation", state.lang)},
    )


def _embed_header(lang: str) -> list[html.Header]:
    """Minimal chrome: whose view this is (the share bar links back to the full page)."""
    name = html.P(t("app_title", lang), className="app-name")
    return [html.Header(name, className="embed-header")]


def unavailable_page(context: Unavailable, state: AppState) -> html.Main:
    return html.Main(
        dbc.Alert(t("data_unavailable", state.lang, reason=context.reason), color="danger"),
        className="container py-4",
    )
