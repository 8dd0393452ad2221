"""Analyse sur mesure (``/analyse?indicator=fragility_mean_score&rows=fragility&cols=actor``):
a cross-table of two dimensions, the chart that fits it, the top 3 by actor and small-multiple
maps on one scale.

The page is drawn from its URL, like Comparer. A choice in the controls redraws the parts that
change in place (``callbacks/analyse.py``): the table stays in view under a still badge while
the new one is computed, and the address bar follows without a reload, so the permalink and a
reload restore what is shown. Without an ``indicator`` the page opens on the fragilities by
actor for France, its richest published table (``core.state.PAGE_DEFAULTS``), and every URL it
writes states its indicator.
"""

from __future__ import annotations

from dataclasses import replace

import dash
from dash import dcc, html

from dashboard.components.analyse import controls, sections, updating
from dashboard.components.page_shell import page_shell, unavailable_page
from dashboard.components.sharing import frame_title, request_origin, share_bar
from dashboard.core.context import Unavailable
from dashboard.core.state import ANALYSE_PAGE, Notice, shared_state
from dashboard.server.current import page_context
from dashboard.server.page_titles import page_title
from dashboard.text.cells import release_text
from dashboard.text.i18n import t
from dashboard.views.analyse import AnalysisView, analysis_view
from dashboard.views.sharing import share_links

dash.register_page(__name__, path=ANALYSE_PAGE, title=page_title("nav_analyse"), name="Analyse")


def layout(**query: object) -> html.Main:
    context, state, problems = page_context(query, ANALYSE_PAGE)
    if isinstance(context, Unavailable):
        return unavailable_page(context, state)
    view, adjusted = analysis_view(context, state)
    dataset = context.dataset(state.dataset)
    lang = state.lang
    links = share_links(
        request_origin(), ANALYSE_PAGE, view.state, dataset.id, frame_title(view.title, lang)
    )
    body = [
        # the share bar first, where the frame puts every page's (its links follow the view)
        share_bar(links, lang, exports=True, embed=state.embed, downloads=not view.no_value),
        dcc.Store(id="analyse-state", data=view.state.model_dump(mode="json")),
        dcc.Store(id="analyse-url"),  # the address bar's and the header's links after a choice
        html.H1(t("analyse_title", lang)),
        html.P(t("analyse_intro", lang), className="lead", hidden=state.embed),
        html.P(release_text(dataset, lang), className="release-line", id="analyse-release"),
        html.Div(controls(context, view), hidden=state.embed, className="no-print"),
        updating([html.H2(view.title, id="analyse-title"), *sections(context, view)], lang),
    ]
    return page_shell(
        ANALYSE_PAGE,
        view.state,
        [*(_with_default(notice, view) for notice in problems), *adjusted],
        body,
        simulated=dataset.simulated,
        shared=shared_state(view.state, query, ANALYSE_PAGE),
    )


def _with_default(notice: Notice, view: AnalysisView) -> Notice:
    """A bad ``rows`` or ``cols`` names the dimension used instead (its default is the
    indicator's table, not one value)."""
    if notice.name in ("rows", "cols") and not notice.default:
        return replace(notice, default=getattr(view.table.choice, notice.name))
    return notice
