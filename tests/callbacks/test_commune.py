"""Ma commune over HTTP (Flask test client): its route, its layout and its two callbacks."""

import dash
import pytest
from dash.development.base_component import Component

from tests.callbacks.dash_requests import page_layout_body
from tests.layout_tree import find, text_of

BELLEVILLE = "69019"  # Belleville-en-Beaujolais: Belleville + Saint-Jean-d'Ardières in 2019
SAINT_JEAN_D_ARDIERES = "69211"


def post_callback(client, dash_app, output: str, inputs: dict, states: dict):
    """POST the callback of ``output`` (id.prop) as the browser does, values by component id."""
    (key,) = [key for key in dash_app.callback_map if key == output]
    spec = dash_app.callback_map[key]
    body = {
        "output": key,
        "outputs": spec["output"].to_dict(),
        "inputs": [{**dep, "value": inputs.get(dep["id"])} for dep in spec["inputs"]],
        "changedPropIds": [f"{dep['id']}.{dep['property']}" for dep in spec["inputs"]],
        "state": [{**dep, "value": states.get(dep["id"])} for dep in spec["state"]],
    }
    return client.post("/_dash-update-component", json=body)


def commune_page(dash_app, insee: str | None, **query) -> Component:
    """The page's layout as Dash renders it for ``/commune/<insee>?<query>``."""
    (page,) = [p for p in dash.page_registry.values() if p["path_template"] == "/commune/<insee>"]
    with dash_app.server.test_request_context(f"/commune/{insee}"):
        return page["layout"](insee=insee, **query)


# Route -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [f"/commune/{BELLEVILLE}", f"/commune/{BELLEVILLE}?lang=en"])
def test_a_current_commune_code_answers_the_page(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("code", ["99999", "97411", "%3Cscript%3E"])
def test_an_unknown_commune_code_answers_404(client, code):
    # 97411 (Saint-Denis, La Réunion) exists but has no map and no survey
    assert client.get(f"/commune/{code}").status_code == 404


@pytest.mark.parametrize("path", ["/commune/", "/commune", "/commune/?lang=en"])
def test_without_a_code_the_address_is_the_search_page_of_the_navigation(client, dash_app, path):
    """« Ma commune » in the navigation (issue 27): ``/commune/`` once answered 404."""
    assert client.get(path).status_code == 200
    pathname, _, query = path.partition("?")
    body = page_layout_body(dash_app, pathname, f"?{query}" if query else "")
    layout = client.post("/_dash-update-component", json=body).get_json()
    headings = [c["props"]["children"] for c in components(layout) if c["type"] == "H1"]
    ids = [c["props"].get("id") for c in components(layout)]
    assert headings == ["My municipality" if query else "Ma commune"]
    assert "commune-finder" in ids and "commune-facts" not in ids


def components(tree: object) -> list[dict]:
    """Every serialised component of a Dash JSON answer, depth first."""
    if isinstance(tree, list):
        return [found for item in tree for found in components(item)]
    if not isinstance(tree, dict):
        return []
    own = [tree] if "namespace" in tree and "props" in tree else []
    return own + [found for value in tree.values() for found in components(value)]


def test_a_former_code_redirects_to_the_current_commune_with_the_query_kept(client):
    response = client.get(f"/commune/{SAINT_JEAN_D_ARDIERES}?dataset=simule&lang=en")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/commune/{BELLEVILLE}?dataset=simule&lang=en"


# Layout ----------------------------------------------------------------------------------------


def test_the_page_shows_the_commune_its_stratum_and_links_keeping_the_state(dash_app):
    page = commune_page(dash_app, "07184", dataset="simule")  # Pranles, 499 inhabitants
    banner = page.children[2]  # under the shared header and the notices
    assert (banner.children, banner.hidden) == ("DONNÉES SIMULÉES", False)
    assert find(page, "commune-facts") is not None
    assert "Communes de moins de 500 habitants" in text_of(find(page, "commune-facts"))
    assert "Pranles (07184) : département Ardèche (07)" in text_of(
        find(page, "commune-locator-text")
    )
    graph = find(page, "commune-locator")
    assert graph.config["topojsonURL"] == "/assets/topojson/"
    assert [trace.locations[0] for trace in graph.figure.data[:2]] == ["84", "07"]
    table = text_of(find(page, "commune-stratum-table"))
    assert "76\u00a0%" in table and "DONNÉES SIMULÉES" in table
    assert table.count("pas un résultat de la commune") == 4  # caption and each value
    links = find(page, "commune-links")
    hrefs = [item.children.href for item in links.children.children]
    assert hrefs == [
        "/region/84?dataset=simule",
        "/?dataset=simule&level=commune&territory=07184",
        "/comparer?dataset=simule&territories=84%2CFR",
    ]
    region = find(page, "commune-region-profile")
    assert text_of(region.children[0]).startswith(
        "Profil de sa région, Auvergne-Rhône-Alpes : estimations régionales, pas des résultats"
    )
    assert find(region, "fragilities-citoyens") is not None  # the region's own charts
    assert find(region, "profile-key").data["region"] == "84"
    assert find(page, "commune-state").data == {"lang": "fr", "query": "?dataset=simule"}


def test_published_figures_say_non_publie_for_the_stratum(dash_app):
    page = commune_page(dash_app, BELLEVILLE)
    table = text_of(find(page, "commune-stratum-table"))
    assert table.count("non publié") == 6  # value and status of each of the 3 rows
    assert page.children[2].hidden is True
    assert "DONNÉES SIMULÉES" not in table


def test_without_a_code_the_page_is_the_search_box_alone(dash_app):
    page = commune_page(dash_app, None)
    assert find(page, "commune-finder") is not None
    assert find(page, "commune-facts") is None and find(page, "commune-locator") is None


# Callbacks -------------------------------------------------------------------------------------


def search(client, dash_app, query: str, lang: str = "fr"):
    return post_callback(
        client,
        dash_app,
        "commune-finder.options",
        {"commune-finder": query},
        {"commune-state": {"lang": lang, "query": ""}},
    )


def test_the_search_box_finds_a_merged_commune_by_its_former_name(client, dash_app):
    options = search(client, dash_app, "Saint-Jean-d'Ardières").get_json()["response"]
    assert options["commune-finder"]["options"][0] == {
        "label": "Belleville-en-Beaujolais (69) ← commune déléguée Saint-Jean-d'Ardières",
        "value": BELLEVILLE,
        "search": "Saint-Jean-d'Ardières",
    }


def test_the_search_box_lists_every_commune_of_a_shared_postal_code(client, dash_app):
    response = search(client, dash_app, "69220", lang="en")
    options = response.get_json()["response"]["commune-finder"]["options"]
    assert len(options) == 9
    assert sum(o["label"].endswith("← postcode 69220") for o in options) == 8


@pytest.mark.parametrize("query", ["", None])
def test_an_empty_search_changes_nothing(client, dash_app, query):
    assert search(client, dash_app, query).status_code == 204


def open_commune(client, dash_app, code, query: str = "?dataset=simule&lang=en"):
    return post_callback(
        client,
        dash_app,
        "commune-location.href",
        {"commune-finder": code},
        {"commune-state": {"lang": "en", "query": query}},
    )


def test_choosing_a_commune_opens_its_page_with_the_state_kept(client, dash_app):
    response = open_commune(client, dash_app, BELLEVILLE)
    href = response.get_json()["response"]["commune-location"]["href"]
    assert href == f"/commune/{BELLEVILLE}?dataset=simule&lang=en"


@pytest.mark.parametrize("code", [None, "", "99999", "//example.org", SAINT_JEAN_D_ARDIERES])
def test_only_a_drawn_communes_code_is_ever_opened(client, dash_app, code):
    assert open_commune(client, dash_app, code).status_code == 204
