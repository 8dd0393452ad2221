"""Every page's graphs and grids speak the page's language, without a browser: each
``dcc.Graph`` carries Plotly's locale in its config and its language's separators in its
figure, and the grids carry AG Grid's French words on French pages only.

Layouts are taken from ``dash.page_registry`` (importing a page module again would register it
twice) and built inside a request for the page's address, as Dash builds them.
"""

import dash
import dash_ag_grid as dag
import pytest
from dash import dcc

from dashboard.components.grid_locale import AG_GRID_LOCALE_FR
from dashboard.figures.template import SEPARATORS

PAGES = {
    "/": {},
    "/region/<code>": {"code": "28"},
    "/comparer": {"territories": "28,FR"},
    "/commune/<insee>": {"insee": "14118"},
    "/donnees": {},
}


def page_layout(dash_app, template: str, lang: str):
    page = next(
        p for p in dash.page_registry.values() if template in (p["path"], p["path_template"])
    )
    arguments = {**PAGES[template], "lang": lang}
    path = template.replace("<code>", "28").replace("<insee>", "14118")
    with dash_app.server.test_request_context(f"{path}?lang={lang}"):
        return page["layout"](**arguments)


def components(tree, kind: type) -> list:
    """Every component of ``kind`` in a layout tree."""
    found = [tree] if isinstance(tree, kind) else []
    children = getattr(tree, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            found += components(child, kind)
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("template", [t for t in PAGES if t != "/donnees"])
def test_every_graph_has_plotly_s_locale_and_separators_of_the_page(dash_app, template, lang):
    graphs = components(page_layout(dash_app, template, lang), dcc.Graph)
    assert graphs
    for graph in graphs:
        assert graph.config["locale"] == lang, graph.id
        separators = graph.figure.layout.template.layout.separators
        assert separators == SEPARATORS[lang], graph.id


@pytest.mark.parametrize("template", ["/", "/donnees"])
def test_grids_speak_french_on_french_pages_and_keep_ag_grid_s_english(dash_app, template):
    (french,) = components(page_layout(dash_app, template, "fr"), dag.AgGrid)
    (english,) = components(page_layout(dash_app, template, "en"), dag.AgGrid)
    assert french.dashGridOptions["localeText"] == AG_GRID_LOCALE_FR
    assert AG_GRID_LOCALE_FR["contains"] == "Contient"
    assert "localeText" not in english.dashGridOptions


@pytest.mark.parametrize("template", [t for t in PAGES if t != "/donnees"])
def test_no_graph_offers_to_upload_itself_to_plotly_cloud(dash_app, template):
    """plotly.js 4 shows a "Share chart..." button that uploads the chart unless told not to."""
    for graph in components(page_layout(dash_app, template, "fr"), dcc.Graph):
        assert graph.config["showSendToCloud"] is False, graph.id
