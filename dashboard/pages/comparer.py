"""Comparer (``/comparer?territories=27,75,FR``): two to four regions, or regions and France,
side by side on one scale, the significant differences with the first territory marked.

The territories are the shared state's ``territories`` parameter; more than four are refused
with a message (the first four are compared), unknown codes fall back with a notice. Without
the parameter the page compares its own default territories, and without an actor it picks one
with values there; every URL it writes states both (``core.state.page_query``). What the page
shows comes from :func:`dashboard.views.comparer.comparer_view`; this module lays it out.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components.chart_export import chart_downloads
from dashboard.components.comparer import comparer_chart
from dashboard.components.dropdown import labelled_dropdown
from dashboard.components.page_shell import page_shell, unavailable_page
from dashboard.core.context import Unavailable
from dashboard.core.state import COMPARER_PAGE, AppState, shared_state
from dashboard.server.current import page_context
from dashboard.server.page_titles import page_title
from dashboard.text.i18n import t
from dashboard.views.comparer import (
    MAX_TERRITORIES,
    ComparerView,
    asked_territories,
    compared_query,
    comparer_view,
)
from dashboard.views.comparer_actor import actor_given

dash.register_page(__name__, path=COMPARER_PAGE, title=page_title("nav_compare"), name="Comparer")


def layout(**query: object) -> html.Main:
    asked = asked_territories(query.get("territories"))
    context, asked_state, problems = page_context(compared_query(query, asked), COMPARER_PAGE)
    if isinstance(context, Unavailable):
        return unavailable_page(context, asked_state)
    view = comparer_view(context, asked_state, asked, actor_given=actor_given(query, problems))
    state = asked_state.model_copy(update={"actor": view.actor})
    lang = state.lang
    body = [
        dcc.Location(id="comparer-location", refresh=True),
        dcc.Store(id="comparer-state", data=state.model_dump(mode="json")),
        html.H1(t("compare_title", lang)),
        html.P(t("compare_intro", lang), className="lead"),
        html.P(view.release, className="release-line"),
        *_too_many(view, lang),
        html.Div(_chooser(view, state), hidden=state.embed),
        *_comparison(view, state),
    ]
    return page_shell(
        COMPARER_PAGE,
        state,
        [*problems, *view.notices],
        body,
        simulated=view.simulated,
        release=view.release_id,
        title=f"{t('app_title', lang)} – {t('compare_title', lang)}",
        shared=shared_state(state, query, COMPARER_PAGE),
    )


def _comparison(view: ComparerView, state: AppState) -> list:
    """Each chart under its heading, then its downloads; or the invitation to choose two
    territories or more."""
    lang = state.lang
    if view.too_few:
        return [dbc.Alert(t("compare_pick", lang), color="info", id="compare-message")]
    return [
        block
        for chart in view.charts
        for block in (
            html.H2(chart.heading),
            comparer_chart(chart, simulated=view.simulated, lang=lang),
            *([] if chart.no_value else [chart_downloads(chart.chart_id, state)]),
        )
    ]


def _too_many(view: ComparerView, lang: str) -> list:
    if not view.dropped:
        return []
    return [
        dbc.Alert(
            t(
                "compare_too_many",
                lang,
                n=view.asked_count,
                max=MAX_TERRITORIES,
                dropped=", ".join(view.dropped_names),
            ),
            color="warning",
            id="compare-too-many",
        )
    ]


def _chooser(view: ComparerView, state: AppState) -> html.Div:
    lang = state.lang
    return html.Div(
        [
            labelled_dropdown(
                "compare-territories",
                t("compare_territories", lang),
                lang,
                options=list(view.territory_options),
                value=list(view.territories),
                multi=True,
                className="filter",
            ),
            labelled_dropdown(
                "compare-actor",
                t("actor", lang),
                lang,
                options=list(view.actor_options),
                value=view.actor,
                clearable=False,
                className="filter",
            ),
        ],
        className="compare-chooser no-print",
    )
