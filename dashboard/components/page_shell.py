"""The frame every page but the Carte shares: title, navigation, language switch, notices,
the share bar.

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
from dashboard.core.state import AppState, Notice, state_query
from dashboard.text.i18n import t
from dashboard.views.sharing import share_links

NAVIGATION = (
    ("nav_map", "/"),
    ("nav_compare", "/comparer"),
    ("nav_analyse", "/analyse"),
    ("nav_data", "/donnees"),
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
) -> html.Main:
    """``body`` under the shared header; ``path`` is this page's path (for the language link).

    ``release``: the data release the page shows; with it the page gets its share bar
    (permalink pinned to that release, embed code titled ``title``); ``exports``: the page
    has image and table downloads (:func:`dashboard.views.sharing.export_url`).
    """
    lang = state.lang
    banner = html.Div(t("simulated", lang), className="simulated-banner", hidden=not simulated)
    share = []
    if release is not None:
        links = share_links(request_origin(), path, state, release, title)
        share = [share_bar(links, lang, exports=exports, embed=state.embed)]
    header = _embed_header(lang) if state.embed else _header(path, state)
    return html.Main(
        [header, html.Div(notices(problems, lang), id="notices"), banner, *share, *body],
        className="container py-3 profile-page" + (" embed-view" if state.embed else ""),
        lang=lang,
    )


def _header(path: str, state: AppState) -> html.Header:
    lang = state.lang
    other = "en" if lang == "fr" else "fr"
    return html.Header(
        [
            html.P(t("app_title", lang), className="app-name"),
            navigation(state),
            html.A(
                t("language_switch", lang),
                href=path + state_query(state, lang=other),
                lang=other,
                className="language-switch",
            ),
        ],
        className="app-header page-header",
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


def _embed_header(lang: str) -> html.Header:
    """Minimal chrome: whose view this is (the share bar links back to the full page)."""
    return html.Header(html.P(t("app_title", lang), className="app-name"), className="embed-header")


def unavailable_page(context: Unavailable, state: AppState) -> html.Main:
    return html.Main(
        dbc.Alert(t("data_unavailable", state.lang, reason=context.reason), color="danger"),
        className="container py-4",
    )
