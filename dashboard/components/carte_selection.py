"""The selected territory (clicked or searched): what the map says of it, and where to go next."""

from __future__ import annotations

from dash import html

from dashboard.components.coverage import coverage_sentence
from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState, state_query, territory_level
from dashboard.text.i18n import t
from dashboard.views.carte import MapView


def selection_panel(context: DataContext, view: MapView, state: AppState) -> list:
    if state.territory == FRANCE:
        return []
    lang = state.lang
    level, code = territory_level(state.territory)
    row = context.territory(level, code)
    if row is None:
        return []
    drawn = view.frame[view.frame["code"] == code] if view.level == level else view.frame.head(0)
    lines = list(drawn["details"].iloc[0]) if not drawn.empty else []
    region = row["region"]
    # a commune stays the selected territory on its region's commune map (outlined there)
    kept = state.territory if level == "commune" else region
    links = [
        *commune_page_link(state),
        html.A(
            t("see_communes", lang),
            href="/" + state_query(state, level="commune", territory=kept),
            className="btn btn-outline-primary btn-sm",
        ),
        html.A(t("see_profile", lang), href=f"/region/{region}" + state_query(state)),
    ]
    known = coverage_sentence(context, state, region)  # what is published for its region
    return [
        html.H3([t("selected", lang), " : " if lang == "fr" else ": ", row["name"]]),
        html.Ul([html.Li(line) for line in lines], className="selection-lines"),
        *([known] if known is not None else []),
        html.Div(links, className="selection-links"),
    ]


def commune_page_link(state: AppState) -> list[html.A]:
    """« Voir la page de la commune » when the selected territory is a commune (none else):
    the mayor's next step, with the view's shared state (language, dataset…)."""
    level, code = territory_level(state.territory)
    if level != "commune":
        return []
    href = f"/commune/{code}" + state_query(state)
    return [
        html.A(t("see_commune_page", state.lang), href=href, className="btn btn-primary btn-sm")
    ]
