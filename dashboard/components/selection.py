"""The selected territory (clicked or searched): what the map says of it, and where to go next."""

from __future__ import annotations

import dash
from dash import html

from dashboard.context import DataContext
from dashboard.i18n import t
from dashboard.mapview import MapView
from dashboard.state import FRANCE, AppState, state_query, territory_level

PROFILE_TEMPLATE = "/region/<code>"  # the region profile page, once it exists


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
    links = [
        html.A(
            t("see_communes", lang),
            href="/" + state_query(state, level="commune", territory=region),
            className="btn btn-outline-primary btn-sm",
        )
    ]
    if any(page.get("path_template") == PROFILE_TEMPLATE for page in dash.page_registry.values()):
        href = PROFILE_TEMPLATE.replace("<code>", region) + state_query(state)
        links.append(html.A(t("see_profile", lang), href=href))
    return [
        html.H3([t("selected", lang), " : " if lang == "fr" else ": ", row["name"]]),
        html.Ul([html.Li(line) for line in lines], className="selection-lines"),
        html.Div(links, className="selection-links"),
    ]
