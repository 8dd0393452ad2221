"""Analyse sur mesure (``/analyse?indicator=fragility_mean_score&rows=fragility&cols=actor``):
a cross-table of two dimensions, the chart that fits it, the top 3 by actor and small-multiple
maps on one scale.

The page is drawn from its URL, like Comparer: a choice in the controls opens the URL of the
new table (``callbacks/analyse.py``), so the permalink always restores what is shown. Without
an ``indicator`` the page opens on the fragilities by actor for France, its richest published
table (``core.state.PAGE_DEFAULTS``), and every URL it writes states its indicator.
"""

from __future__ import annotations

from dataclasses import replace

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components.analyse import sections
from dashboard.components.dropdown import labelled_dropdown
from dashboard.components.page_shell import page_shell, unavailable_page
from dashboard.components.sharing import frame_title
from dashboard.core.context import DataContext, Unavailable
from dashboard.core.state import ANALYSE_PAGE, Notice, shared_state
from dashboard.server.current import page_context
from dashboard.server.page_titles import page_title
from dashboard.text.cells import release_text
from dashboard.text.i18n import t
from dashboard.views.analyse import AnalysisView, analysis_view
from dashboard.views.analyse_controls import Control, analysis_controls

dash.register_page(__name__, path=ANALYSE_PAGE, title=page_title("nav_analyse"), name="Analyse")

# the controls' rows, by the state field each sets
CONTROL_ROWS = (
    ("dataset", "indicator", "fragility"),
    ("rows", "cols"),
    ("actor", "segment", "territory", "group"),
)


def layout(**query: object) -> html.Main:
    context, state, problems = page_context(query, ANALYSE_PAGE)
    if isinstance(context, Unavailable):
        return unavailable_page(context, state)
    view, adjusted = analysis_view(context, state)
    dataset = context.dataset(state.dataset)
    lang = state.lang
    body = [
        dcc.Location(id="analyse-location", refresh=True),
        dcc.Store(id="analyse-state", data=view.state.model_dump(mode="json")),
        html.H1(t("analyse_title", lang)),
        html.P(t("analyse_intro", lang), className="lead", hidden=state.embed),
        html.P(release_text(dataset, lang), className="release-line"),
        html.Div(controls(context, view), hidden=state.embed, className="no-print"),
        html.H2(view.title, id="analyse-title"),
        *sections(context, view),
    ]
    return page_shell(
        ANALYSE_PAGE,
        view.state,
        [*(_with_default(notice, view) for notice in problems), *adjusted],
        body,
        simulated=dataset.simulated,
        release=dataset.id,
        title=frame_title(view.title, lang),
        exports=not view.no_value,  # no download of a table with no value
        shared=shared_state(view.state, query, ANALYSE_PAGE),
    )


def _with_default(notice: Notice, view: AnalysisView) -> Notice:
    """A bad ``rows`` or ``cols`` names the dimension used instead (its default is the
    indicator's table, not one value)."""
    if notice.name in ("rows", "cols") and not notice.default:
        return replace(notice, default=getattr(view.table.choice, notice.name))
    return notice


def controls(context: DataContext, view: AnalysisView) -> html.Div:
    """Measure, rows, columns and the filters; a filter that a dimension replaces is disabled
    with the reason (:mod:`dashboard.views.analyse_controls`)."""
    lang = view.state.lang
    chosen = analysis_controls(context, view.state, view.table.choice)
    return html.Div(
        [
            html.H2(t("analyse_filters", lang), className="visually-hidden"),
            *(
                html.Div(
                    [_dropdown(chosen.dropdowns[name], lang) for name in row],
                    className="analyse-controls",
                )
                for row in CONTROL_ROWS
            ),
            html.Div(
                dbc.Checkbox(
                    id="analyse-labels", label=t("labels_option", lang), value=chosen.labels
                ),
                hidden=not chosen.labels_shown,  # only the maps have labels
            ),
        ],
        className="analyse-chooser",
    )


def _dropdown(control: Control, lang: str) -> html.Div:
    group = labelled_dropdown(
        f"analyse-{control.name}",
        control.label,
        lang,
        options=list(control.options),
        value=control.value,
        clearable=False,
        disabled=control.disabled,
        className="filter",
    )
    if control.reason:
        group.title = control.reason
    return group
