"""Analyse over HTTP (Flask test client): the page it opens on, and a choice that survives a
reload and a copied link, its own default indicator apart."""

import json
from urllib.parse import parse_qsl, urlsplit

import dash
from dash.development.base_component import Component

from dashboard.core.state import ANALYSE_PAGE
from dashboard.views.analyse_table import CONTROLS
from tests.callbacks.dash_requests import post_callback
from tests.layout_tree import find, text_of

INNOVATION = "partnership_innovation_share"
SCORES_TITLE = "Note moyenne de fragilité (1 à 10) — France — Fragilités × Acteurs"
INNOVATION_TITLE = "Partenariats source d'innovation — Territoires × Acteurs"


def analyse_page(dash_app, query: dict[str, str]) -> Component:
    """The page's layout as Dash renders it for ``/analyse?<query>``."""
    (page,) = [p for p in dash.page_registry.values() if p["path"] == ANALYSE_PAGE]
    with dash_app.server.test_request_context(ANALYSE_PAGE):
        return page["layout"](**query)


def links(component) -> list[str]:
    """Every ``href`` of a layout tree, in order."""
    if isinstance(component, list | tuple):
        return [href for child in component for href in links(child)]
    if not isinstance(component, Component):
        return []
    own = [component.href] if isinstance(getattr(component, "href", None), str) else []
    return own + links(getattr(component, "children", None))


def row_text(page, code: str, column: int) -> str:
    (row,) = [row for row in find(page, "analyse-table").rowData if row["code"] == code]
    return row[f"c{column}_text"]


def test_the_page_with_no_parameter_shows_the_citizens_emploi_score(dash_app):
    page = analyse_page(dash_app, {})
    assert text_of(find(page, "analyse-title")) == SCORES_TITLE
    assert row_text(page, "emploi", 0) == "7,1"  # the first column: the citizens
    assert find(page, "analyse-chart") is not None and find(page, "analyse-no-value") is None
    hrefs = links(page)
    # the page's own links state its indicator; the links to other pages leave it behind
    assert "/analyse?indicator=fragility_mean_score&rows=fragility&cols=actor&lang=en" in hrefs
    elsewhere = [h for h in hrefs if h.startswith(("/?", "/comparer", "/donnees"))]
    assert len(elsewhere) == 3 and not [h for h in elsewhere if "indicator" in h]
    assert all("export/analyse" not in h or "indicator=fragility_mean_score" in h for h in hrefs)


def test_choosing_the_apps_default_indicator_survives_a_reload_and_a_copied_link(client, dash_app):
    opened = analyse_page(dash_app, {})
    controls = {
        f"analyse-{name}": find(opened, f"analyse-{name}").value for name in (*CONTROLS, "group")
    }
    response = post_callback(
        client,
        dash_app,
        "analyse-url.data",
        {**controls, "analyse-indicator": INNOVATION, "analyse-labels": False},
        {"analyse-state": find(opened, "analyse-state").data},
    )
    href = response.get_json()["response"]["analyse-url"]["data"]["href"]
    query = dict(parse_qsl(urlsplit(href).query))
    assert query["indicator"] == INNOVATION
    reloaded = analyse_page(dash_app, query)
    assert text_of(find(reloaded, "analyse-title")) == INNOVATION_TITLE
    assert row_text(reloaded, "28", 3) == "77\u00a0%"  # Normandie's mayors
    permalink = find(reloaded, "share-permalink").value
    copied = dict(parse_qsl(urlsplit(permalink).query))
    assert copied["indicator"] == INNOVATION
    again = analyse_page(dash_app, copied)
    assert text_of(find(again, "analyse-title")) == INNOVATION_TITLE
    assert find(again, "analyse-table").rowData == find(reloaded, "analyse-table").rowData
    exports = [h for h in links(reloaded) if "/export/analyse." in h]
    assert exports and all(f"indicator={INNOVATION}" in h for h in exports)


def test_a_table_with_no_value_draws_no_chart_and_no_map(dash_app):
    page = analyse_page(
        dash_app,
        {
            "indicator": "mayor_role_priority_share",
            "actor": "citoyens",
            "rows": "territory",
            "cols": "segment",
        },
    )
    assert find(page, "analyse-chart") is None and find(page, "analyse-maps") is None
    note = find(page, "analyse-no-value")
    assert text_of(note).startswith("Aucune valeur publiée dans ce tableau")
    assert note.children[-1].href == "/region/FR"
    assert "non publié" in row_text(page, "FR", 0)  # the table still says it, cell by cell


def test_a_table_with_no_value_offers_no_download(dash_app):
    empty = {"indicator": "mayor_role_priority_share", "actor": "citoyens", "cols": "segment"}
    page = analyse_page(dash_app, {**empty, "rows": "territory"})
    assert not [h for h in links(page) if "/export/" in h]
    assert [h for h in links(analyse_page(dash_app, {})) if "/export/analyse." in h]


def choose(client, dash_app, page, **chosen) -> dict:
    """The outputs of the page's choice callback, by component id, after ``chosen`` (control
    name: value) in ``page``'s controls."""
    values = {
        f"analyse-{name}": find(page, f"analyse-{name}").value for name in (*CONTROLS, "group")
    }
    values |= {f"analyse-{name}": value for name, value in chosen.items()}
    response = post_callback(
        client,
        dash_app,
        "analyse-url.data",
        {**values, "analyse-labels": False},
        {"analyse-state": find(page, "analyse-state").data},
    )
    assert response.status_code == 200
    return response.get_json()["response"]


def test_a_choice_redraws_in_place_what_a_reload_of_its_address_draws(client, dash_app):
    drawn = choose(client, dash_app, analyse_page(dash_app, {}), indicator=INNOVATION)
    address = drawn["analyse-url"]["data"]
    reloaded = analyse_page(dash_app, dict(parse_qsl(urlsplit(address["href"]).query)))
    assert drawn["analyse-title"]["children"] == text_of(find(reloaded, "analyse-title"))
    assert drawn["analyse-title"]["children"] == INNOVATION_TITLE
    grid = find(reloaded, "analyse-table")
    assert drawn["analyse-table"] == {"rowData": grid.rowData, "columnDefs": grid.columnDefs}
    for component, prop in (
        ("analyse-table-caption", "children"),
        ("analyse-test-note", "children"),
        ("analyse-caption", "children"),
        ("analyse-excel", "data"),
        ("analyse-state", "data"),
        ("share-permalink", "value"),
        ("export-csv-fr", "href"),
        ("export-png-16-9", "href"),
        ("embed-code", "value"),
        ("share-downloads", "hidden"),
        ("simulated-banner", "hidden"),
    ):
        assert drawn[component][prop] == getattr(find(reloaded, component), prop), component
    assert f"indicator={INNOVATION}" in drawn["export-csv-fr"]["href"]
    # the header's links (the other pages', then the other language's) as the reload writes them
    shown = len(address["navigation"]) + 1
    assert shown == 7  # Carte, France, Comparer, Analyse, Données, Ma commune; the language
    assert [*address["navigation"], address["language"]] == links(reloaded)[:shown]
    assert address["language"].endswith("lang=en")
    # the chart, and one map per actor (a table of territories)
    assert '"analyse-chart"' in json.dumps(drawn["analyse-chart-box"]["children"])
    assert '"analyse-maps"' in json.dumps(drawn["analyse-maps-box"]["children"])
    assert drawn["notices"]["children"] == []
    # the controls stay drawn: their options, state and reasons as the reload draws them; a
    # value travels only where the view changed the reader's choice (the new indicator's table)
    for name in (*CONTROLS, "group"):
        control, group = find(reloaded, f"analyse-{name}"), find(reloaded, f"analyse-{name}-group")
        assert drawn[f"analyse-{name}"]["options"] == control.options, name
        assert drawn[f"analyse-{name}"]["disabled"] == control.disabled, name
        assert drawn[f"analyse-{name}-group"]["title"] == getattr(group, "title", None), name
        assert drawn[f"analyse-{name}"].get("value", control.value) == control.value, name
    assert "value" not in drawn["analyse-indicator"]  # the reader's own choice: not sent back
    assert drawn["analyse-rows"]["value"] == "territory"  # the new indicator's own table
    assert drawn["analyse-labels-box"]["hidden"] is False  # maps: their labels can be chosen


def test_a_choice_of_a_table_with_no_value_hides_its_chart_maps_and_downloads(client, dash_app):
    empty = {"indicator": "mayor_role_priority_share", "actor": "citoyens", "cols": "segment"}
    page = analyse_page(dash_app, {**empty, "rows": "fragility"})
    drawn = choose(client, dash_app, page, rows="territory")
    assert urlsplit(drawn["analyse-url"]["data"]["href"]).query.count("rows=territory") == 1
    chart = json.dumps(drawn["analyse-chart-box"]["children"], ensure_ascii=False)
    assert '"analyse-no-value"' in chart and "Aucune valeur publiée dans ce tableau" in chart
    assert drawn["analyse-maps-box"]["children"] == []
    assert drawn["share-downloads"]["hidden"] is True
    assert drawn["export-csv-fr"]["href"] is None and drawn["export-svg"]["href"] is None
