"""The Carte callback through Dash's real HTTP endpoint (Flask test client)."""

import pytest

from dashboard.core.state import AppState
from tests.callbacks.dash_requests import post_callback


def carte_callback(dash_app) -> tuple[str, dict]:
    """The Carte callback's key and spec, read from the app (Dash's own request format)."""
    (key,) = [key for key in dash_app.callback_map if "..map.figure..." in key]
    return key, dash_app.callback_map[key]


def post_filters(
    client, dash_app, state: AppState | None = None, drawn_geometry: str | None = None, **changes
):
    """POST what the browser sends when filters change to ``changes`` from ``state``
    (``drawn_geometry``: the geometry URL of the map already on the page, if any)."""
    state = state or AppState()
    values = {**state.model_dump(mode="json"), "fragility": state.fragility or "ensemble"}
    values.update(changes)
    key, spec = carte_callback(dash_app)
    stores = {"carte-state": state.model_dump(mode="json"), "geometry-key": drawn_geometry}
    body = {
        "output": key,
        "outputs": [output.to_dict() for output in spec["output"]],
        "inputs": [
            {**dependency, "value": values.get(dependency["id"])} for dependency in spec["inputs"]
        ],
        "changedPropIds": [f"{name}.value" for name in changes],
        "state": [
            {**dependency, "value": stores[dependency["id"]]} for dependency in spec["state"]
        ],
    }
    return client.post("/_dash-update-component", json=body)


def post_actor(client, dash_app, actor, state: AppState | None = None):
    return post_filters(client, dash_app, state, actor=actor)


def plotted(response) -> dict:
    figure = response.get_json()["response"]["map"]["figure"]
    traces = {trace["name"]: trace for trace in figure["data"]}
    values = traces["ok"]
    return {
        "with_value": dict(zip(values["locations"], values["z"], strict=True)),
        "without_value": traces["non_publie"]["locations"],
        "not_covered": traces["non_couvert"]["locations"],
        "hover": [text.split("<br>")[1] for text in values["text"]],
    }


def test_choosing_citizens_maps_bourgogne_franche_comte_only(client, dash_app):
    response = post_actor(client, dash_app, "citoyens")
    assert response.status_code == 200
    drawn = plotted(response)
    assert drawn["with_value"] == {"27": 0}  # one value: unclassed, its own class
    assert len(drawn["without_value"]) == 12
    assert drawn["not_covered"] == ["01", "02", "03", "04", "06"]
    assert drawn["hover"] == ["75\u00a0%"]
    outputs = response.get_json()["response"]
    assert outputs["coverage"]["children"] == "Valeurs publiées : 1 région sur 13"
    assert outputs["map-title"]["children"].endswith("Citoyens")
    assert "actor=citoyens" in outputs["permalink"]["href"]
    assert "release=publie-" in outputs["permalink"]["href"]


def test_the_source_line_follows_the_actor(client, dash_app):
    def source_text(actor):
        sources = post_actor(client, dash_app, actor).get_json()["response"]["sources"]["children"]
        return str(sources[0])

    assert "PHARE-Institutions" in source_text("maires")
    assert "lerameau.fr/8103-2" not in source_text("maires")
    assert "PHARE – avant-première Bourgogne-Franche-Comté" in source_text("entreprises")


def test_the_rest_of_the_state_is_kept(client, dash_app):
    response = post_actor(client, dash_app, "maires", AppState(lang="en"))
    outputs = response.get_json()["response"]
    assert outputs["coverage"]["children"] == "Published values: 3 of 13 regions"
    assert "lang=en" in outputs["permalink"]["href"]


@pytest.mark.parametrize("actor", ["<script>", "", None])
def test_an_unknown_actor_never_fails_the_server(client, dash_app, actor):
    response = post_actor(client, dash_app, actor)
    assert response.status_code in (200, 204)
    if response.status_code == 200:
        assert plotted(response)["with_value"] == {"28": 0, "76": 1, "84": 0}


def test_indicator_and_fragility_filters_redraw_and_enter_the_url(client, dash_app):
    response = post_filters(
        client,
        dash_app,
        actor="citoyens",
        indicator="fragility_share_high",
        fragility="environnement",
    )
    assert response.status_code == 200
    # two distinct values (PACA and Corse share one joint figure): each is its own class
    assert plotted(response)["with_value"] == {"84": 0, "93": 1, "94": 1}
    outputs = response.get_json()["response"]
    href = outputs["permalink"]["href"]
    assert "indicator=fragility_share_high" in href and "fragility=environnement" in href
    assert "Environnement" in outputs["map-title"]["children"]


def test_a_segment_of_another_actor_falls_back_to_all(client, dash_app):
    associations = AppState(actor="associations", segment="employeuses")
    response = post_filters(client, dash_app, associations, actor="maires")
    outputs = response.get_json()["response"]
    assert outputs["segment"]["value"] == "all"
    segments = [option["value"] for option in outputs["segment"]["options"]]
    assert segments[0] == "all" and "employeuses" not in segments and "moins_500" in segments


def test_filter_values_travel_only_when_the_state_changed_them(client, dash_app):
    outputs = post_filters(client, dash_app, actor="citoyens").get_json()["response"]
    coerced = ("segment", "fragility", "level", "show", "classes")
    assert not any("value" in outputs.get(name, {}) for name in coerced)
    # a whole-France click moves the level to communes: the level dropdown must follow
    click = post_filters(client, dash_app, **{"whole-france": 1}).get_json()["response"]
    assert click["level"]["value"] == "commune"


def test_options_travel_only_when_they_change(client, dash_app):
    outputs = post_filters(client, dash_app, k=3).get_json()["response"]
    assert not any("options" in outputs.get(name, {}) for name in ("actor", "indicator", "k"))
    outputs = post_filters(client, dash_app, actor="citoyens").get_json()["response"]
    assert "options" in outputs["indicator"] and "options" not in outputs.get("actor", {})


def test_options_without_any_value_are_disabled_with_a_reason(client, dash_app):
    citizens = AppState(actor="citoyens")
    outputs = post_filters(client, dash_app, citizens, actor="maires").get_json()["response"]
    indicators = {option["value"]: option for option in outputs["indicator"]["options"]}
    assert "disabled" not in indicators["partnership_innovation_share"]
    assert indicators["fragility_mean_score"]["disabled"] is True
    assert indicators["fragility_mean_score"]["title"] == (
        "aucune valeur publiée, ni régionale ni nationale"
    )


def test_a_filter_change_on_the_same_geometry_sends_a_patch_of_values_only(client, dash_app):
    regions = dash_app.server.extensions["phare"].geometry_url("regions")
    response = post_filters(client, dash_app, drawn_geometry=regions, actor="citoyens")
    outputs = response.get_json()["response"]
    patch = outputs["map"]["figure"]
    assert "__dash_patch_update" in patch
    operations = {tuple(op["location"]): op["params"]["value"] for op in patch["operations"]}
    assert operations[("data", 0, "locations")] == ["27"]
    assert "geojson" not in str(patch)
    assert outputs["geometry-key"]["data"] == regions


def test_changing_level_sends_a_full_figure_with_the_new_geometry(client, dash_app):
    regions = dash_app.server.extensions["phare"].geometry_url("regions")
    response = post_filters(client, dash_app, drawn_geometry=regions, level="departement")
    figure = response.get_json()["response"]["map"]["figure"]
    assert figure["data"][0]["geojson"].startswith("/geo/departements.geojson?v=")
    assert len(figure["data"][0]["locations"]) == 30  # the departments of the three regions


def test_the_search_box_offers_regions_departments_and_communes(client, dash_app):
    response = post_callback(
        client,
        dash_app,
        "search.options",
        {"search": "Calvados"},
        {"carte-state": AppState().model_dump(mode="json")},
    )
    options = response.get_json()["response"]["search"]["options"]
    assert {"label": "Calvados (14) — département", "value": "dep-14"} in options


def upload_contents(text: str) -> str:
    import base64

    return "data:text/csv;base64," + base64.b64encode(text.encode("utf-8")).decode()


def test_an_uploaded_file_joins_good_rows_and_lists_the_others(client, dash_app):
    csv = "code;valeur\n14118;12,5\n14114;40\n14000;3\n14712;abc\n<img src=x onerror=alert(1)>;1\n"
    response = post_callback(
        client,
        dash_app,
        "commune-upload.data",
        {"upload": upload_contents(csv)},
        {"upload": "valeurs.csv", "carte-state": AppState().model_dump(mode="json")},
    )
    # the State named "upload" is the filename; the Input "upload" the contents
    outputs = response.get_json()["response"]
    stored = outputs["commune-upload"]["data"]
    assert dict(zip(stored["codes"], stored["values"], strict=True)) == {
        "14118": 12.5,
        "14712": 40.0,
    }
    report = str(outputs["upload-report"]["children"])
    assert "ligne 4" in report and "ligne 5" in report
    # hostile text arrives as the text of a list item (React renders it as text), never as
    # markup: no component of the report takes HTML
    assert "<img src=x onerror=alert(1)>" in report
    assert "Markdown" not in report and "dangerously" not in report


def test_picking_a_commune_at_commune_level_moves_the_map_to_it(client, dash_app):
    normandie = AppState(level="commune", territory="28")
    drawn = dash_app.server.extensions["phare"].geometry_url("communes-28")
    response = post_filters(client, dash_app, normandie, drawn_geometry=drawn, search="14118")
    patch = response.get_json()["response"]["map"]["figure"]
    operations = {tuple(op["location"]): op["params"]["value"] for op in patch["operations"]}
    centre = operations[("layout", "map")]["center"]
    assert abs(centre["lon"] - -0.37) < 0.1 and abs(centre["lat"] - 49.18) < 0.1  # Caen
    highlighted = [
        value for (where, *rest), value in operations.items() if rest[-1:] == ["locations"]
    ]
    assert ["14118"] in highlighted


def test_what_is_published_follows_the_dataset_and_the_programme_only(client, dash_app):
    """The block « Ce qui est publié » leaves with microdata, changes with the programme and
    does not travel when another filter changes."""
    simulated = post_filters(client, dash_app, dataset="simule").get_json()["response"]
    assert simulated["published-coverage-box"]["children"] == []
    impact = post_filters(client, dash_app, study="impact").get_json()["response"]
    (block,) = impact["published-coverage-box"]["children"]
    assert "Programme IMPACT (2018-2022) : 27 chiffres nationaux" in str(block)
    actor = post_actor(client, dash_app, "citoyens").get_json()["response"]
    assert "published-coverage-box" not in actor


def test_the_selected_region_says_what_is_published_for_it(client, dash_app):
    outputs = post_filters(client, dash_app, search="53").get_json()["response"]
    selection = str(outputs["selection"]["children"])
    assert "Aucun chiffre régional publié pour la Bretagne ; voici " in selection
    assert "'href': '/region/FR'" in selection
