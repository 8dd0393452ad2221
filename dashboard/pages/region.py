"""Profil de région (``/region/<code>``): the 16 fragilities by actor against France, the actors'
views side by side, partnership and mayors' indicators, every chart with its table. ``/region/FR``
is the France page: what the national surveys say, actor by actor.

An unknown code never reaches this layout: :mod:`dashboard.server.routes` answers 404 first.
"""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard.components.coverage import coverage_sentence
from dashboard.components.france_page import (
    family_sections,
    key_figures_section,
    programme_links,
    scores_section,
)
from dashboard.components.page_shell import page_shell, unavailable_page
from dashboard.components.region import embedded_profile
from dashboard.core.context import DataContext, Unavailable
from dashboard.core.state import FRANCE, AppState, Notice, state_query
from dashboard.server.current import page_context
from dashboard.server.page_titles import page_title
from dashboard.text.cells import release_text
from dashboard.text.i18n import t
from dashboard.views.credit import france_credit, profile_credit

dash.register_page(
    __name__,
    path_template="/region/<code>",
    title=page_title("page_region", france="page_france"),
    name="Région",
)


def layout(code: str | None = None, **query: object) -> html.Main:
    context, state, problems = page_context(query)
    if isinstance(context, Unavailable):
        return unavailable_page(context, state)
    if code == FRANCE:
        return france_page(context, state, problems)
    # An unknown path code gets a 404 from the server first; ``?code=`` in the query takes
    # the path's place (Dash's rule), a list when the key repeats: checked here.
    if not isinstance(code, str) or code not in context.catalogue.regions:
        return page_shell("/", state, problems, [])
    lang = state.lang
    simulated = context.dataset(state.dataset).simulated
    name = context.catalogue.regions[code].name
    links = html.Nav(
        [
            html.A(t("profile_back_to_map", lang), href="/" + state_query(state, territory=code)),
            html.A(
                t("compare_with_france", lang),
                href="/comparer" + state_query(state, territories=(code, FRANCE)),
            ),
            html.A(t("see_data", lang), href="/donnees" + state_query(state, territory=code)),
        ],
        className="profile-links no-print",
    )
    body = [
        html.H1(t("profile_title", lang, region=name)),
        html.P(t("profile_intro", lang), className="lead"),
        coverage_sentence(context, state, code),
        links,
        *embedded_profile(context, state, code),
    ]
    return page_shell(
        f"/region/{code}",
        state,
        problems,
        body,
        simulated=simulated,
        release=context.dataset(state.dataset).id,
        title=t("app_title", lang) + " – " + t("profile_title", lang, region=name),
        credit=profile_credit(context, state, code),
    )


def france_page(context: DataContext, state: AppState, problems: list[Notice]) -> html.Main:
    """The national regard croisé: the fragilities by actor, then each family of indicators."""
    lang = state.lang
    dataset = context.dataset(state.dataset)
    title = t("france_title", lang)
    body = [
        dcc.Store(id="france-state", data=state.model_dump(mode="json")),
        dcc.Store(id="france-url"),
        html.H1(title),
        # an article's embed goes straight to the chart (its caption names source and release)
        *(
            []
            if state.embed
            else [
                html.P(t("france_intro", lang), className="lead"),
                programme_links(context, state),
                html.P(release_text(dataset, lang), className="release-line"),
            ]
        ),
        scores_section(context, state),
        *family_sections(context, state),
        key_figures_section(context, state),
    ]
    return page_shell(
        f"/region/{FRANCE}",
        state,
        problems,
        body,
        simulated=dataset.simulated,
        release=dataset.id,
        title=t("app_title", lang) + " – " + title,
        credit=france_credit(context, state),
    )
