"""The Carte callback through Dash's real HTTP endpoint (Flask test client)."""

import pytest

from dashboard.state import AppState

OUTPUTS = [
    ("map", "figure"),
    ("map-title", "children"),
    ("legend", "children"),
    ("coverage", "children"),
    ("sources", "children"),
    ("values-table", "children"),
    ("permalink", "href"),
]


def post_actor(client, actor: str, state: AppState | None = None):
    stored = (state or AppState()).model_dump(mode="json")
    body = {
        "output": ".." + "...".join(f"{i}.{p}" for i, p in OUTPUTS) + "..",
        "outputs": [{"id": i, "property": p} for i, p in OUTPUTS],
        "inputs": [{"id": "actor", "property": "value", "value": actor}],
        "changedPropIds": ["actor.value"],
        "state": [{"id": "carte-state", "property": "data", "value": stored}],
    }
    return client.post("/_dash-update-component", json=body)


def plotted(response) -> dict:
    figure = response.get_json()["response"]["map"]["figure"]
    traces = {trace["name"]: trace for trace in figure["data"]}
    values = traces["ok"]
    return {
        "with_value": dict(zip(values["locations"], values["z"], strict=True)),
        "without_value": traces["non_publie"]["locations"],
        "not_covered": traces["non_couvert"]["locations"],
        "hover": [row[1] for row in values["customdata"]],
    }


def test_choosing_citizens_maps_bourgogne_franche_comte_only(client):
    response = post_actor(client, "citoyens")
    assert response.status_code == 200
    drawn = plotted(response)
    assert drawn["with_value"] == {"27": 3}
    assert len(drawn["without_value"]) == 12
    assert drawn["not_covered"] == ["01", "02", "03", "04", "06"]
    assert drawn["hover"] == ["75\u00a0%"]
    outputs = response.get_json()["response"]
    assert outputs["coverage"]["children"] == "Valeurs publiées : 1 région sur 13"
    assert outputs["map-title"]["children"].endswith("Citoyens")
    assert "actor=citoyens" in outputs["permalink"]["href"]
    assert "release=publie-" in outputs["permalink"]["href"]


def test_the_source_line_follows_the_actor(client):
    def source_text(actor):
        sources = post_actor(client, actor).get_json()["response"]["sources"]["children"]
        return str(sources[0])

    assert "PHARE-Institutions" in source_text("maires")
    assert "lerameau.fr/8103-2" not in source_text("maires")
    assert "PHARE – avant-première Bourgogne-Franche-Comté" in source_text("entreprises")


def test_the_rest_of_the_state_is_kept(client):
    response = post_actor(client, "maires", AppState(lang="en"))
    outputs = response.get_json()["response"]
    assert outputs["coverage"]["children"] == "Published values: 3 of 13 regions"
    assert "lang=en" in outputs["permalink"]["href"]


@pytest.mark.parametrize("actor", ["<script>", "", None])
def test_an_unknown_actor_never_fails_the_server(client, actor):
    response = post_actor(client, actor)
    assert response.status_code in (200, 204)
    if response.status_code == 200:
        assert plotted(response)["with_value"] == {"28": 3, "76": 4, "84": 3}
