"""Comparer over HTTP (Flask test client): the comparison it opens on, the actor it picks, and
choices that survive a reload, the page's own defaults apart."""

import math
from urllib.parse import parse_qsl, urlsplit

import dash
from dash.development.base_component import Component

from dashboard.core.state import COMPARER_PAGE
from tests.callbacks.dash_requests import post_callback
from tests.callbacks.test_analyse import links
from tests.layout_tree import find, text_of


def comparer_page(dash_app, query: dict[str, str]) -> Component:
    """The page's layout as Dash renders it for ``/comparer?<query>``."""
    (page,) = [p for p in dash.page_registry.values() if p["path"] == COMPARER_PAGE]
    with dash_app.server.test_request_context(COMPARER_PAGE):
        return page["layout"](**query)


def choose(client, dash_app, page: Component, **chosen: object) -> dict[str, str]:
    """The query of the URL the page opens after a choice in its dropdowns."""
    inputs = {
        "compare-territories": find(page, "compare-territories").value,
        "compare-actor": find(page, "compare-actor").value,
        **{f"compare-{name}": value for name, value in chosen.items()},
    }
    response = post_callback(
        client,
        dash_app,
        "comparer-location.href",
        inputs,
        {"comparer-state": find(page, "comparer-state").data},
    )
    href = response.get_json()["response"]["comparer-location"]["href"]
    assert urlsplit(href).path == COMPARER_PAGE
    return dict(parse_qsl(urlsplit(href).query, keep_blank_values=True))


def plotted(graph) -> list[float]:
    return [x for trace in graph.figure.data for x in trace.x if not math.isnan(x)]


def test_the_page_with_no_parameter_draws_only_charts_with_values(dash_app):
    page = comparer_page(dash_app, {})
    assert find(page, "compare-territories").value == ["28", "76", "FR"]
    assert find(page, "compare-actor").value == "maires"
    assert find(page, "compare-fragilities") is None  # mayors gave no scores: not drawn
    note = find(page, "compare-fragilities-no-value")
    assert text_of(note).startswith("Aucun score de fragilité publié pour les maires")
    assert note.children[-1].href == "/region/FR"
    assert sorted(plotted(find(page, "compare-partnership"))) == [77.0, 87.0, 100.0]
    assert text_of(find(page, "notices")) == ""
    navigation = [h for h in links(page) if h.startswith(("/?", "/analyse", "/donnees"))]
    assert not [h for h in navigation if "territories" in h]  # the defaults stay here


def test_an_actor_chosen_here_survives_a_reload_even_the_apps_default(client, dash_app):
    picked = comparer_page(dash_app, {"territories": "27,FR"})
    assert find(picked, "compare-actor").value == "entreprises"  # most values there
    query = choose(client, dash_app, picked, actor="maires")
    assert (query["actor"], query["territories"]) == ("maires", "27,FR")
    reloaded = comparer_page(dash_app, query)
    assert find(reloaded, "compare-actor").value == "maires"
    assert plotted(find(reloaded, "compare-partnership"))  # France's mayors: 87 %
    permalink = dict(parse_qsl(urlsplit(find(reloaded, "share-permalink").value).query))
    assert (permalink["actor"], permalink["territories"]) == ("maires", "27,FR")


def test_emptied_territories_stay_empty_after_the_reload(client, dash_app):
    query = choose(client, dash_app, comparer_page(dash_app, {}), territories=[])
    assert query["territories"] == ""
    reloaded = comparer_page(dash_app, query)
    assert find(reloaded, "compare-territories").value == []
    assert text_of(find(reloaded, "compare-message")).startswith("Choisissez de deux à quatre")


def test_an_actor_with_nothing_for_the_territories_is_replaced_with_a_notice(dash_app):
    page = comparer_page(dash_app, {"territories": "28,76", "actor": "citoyens"})
    assert find(page, "compare-actor").value == "maires"
    assert find(page, "comparer-state").data["actor"] == "maires"
    assert "Aucune valeur publiée pour « Citoyens » dans ces territoires" in text_of(
        find(page, "notices")
    )
