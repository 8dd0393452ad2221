"""The share bar follows the Carte's view in the Carte's own callback; an embed view takes no
upload."""

from urllib.parse import parse_qs, urlsplit

from dashboard.context import EXTENSION_KEY
from dashboard.state import AppState
from tests.callbacks.dash_requests import post_callback
from tests.callbacks.test_carte import post_filters, upload_contents


def share_outputs(client, dash_app, permalink: str) -> dict:
    """The share links the Carte's callback sends when a filter change leads to the view of
    ``permalink`` (its actor picked, the rest of its state already on the page)."""
    query = {name: values[0] for name, values in parse_qs(urlsplit(permalink).query).items()}
    state = AppState.model_validate(query)
    before = state.model_copy(update={"actor": "associations"})
    response = post_filters(client, dash_app, before, actor=state.actor)
    assert response.status_code == 200
    outputs = response.get_json()["response"]
    return {
        f"{key}.{prop}": value for key, props in outputs.items() for prop, value in props.items()
    }


def test_the_share_links_are_those_of_the_view_on_the_map(client, dash_app):
    release = dash_app.server.extensions[EXTENSION_KEY].release.id
    permalink = (
        f"/?release={release}&actor=citoyens&indicator=fragility_mean_score&fragility=emploi"
    )
    links = share_outputs(client, dash_app, permalink)
    assert links["share-permalink.value"] == f"http://localhost{permalink}"
    embed = parse_qs(urlsplit(links["share-full-view.href"]).query)
    assert embed["actor"] == ["citoyens"] and "embed" not in embed
    assert 'src="http://localhost/?release=' in links["embed-code.value"]
    assert "embed=1" in links["embed-code.value"]
    assert (
        'title="PHARE – fragilités et alliances en territoire – Note moyenne'
        in (links["embed-code.value"])
    )
    png = parse_qs(urlsplit(links["export-png-16-9.href"]).query)
    assert (png["actor"], png["width"], png["height"]) == (["citoyens"], ["1920"], ["1080"])
    assert "flavour=standard" in links["export-csv-standard.href"]


def test_an_old_release_in_the_permalink_gives_the_links_of_the_current_one(client, dash_app):
    release = dash_app.server.extensions[EXTENSION_KEY].release.id
    links = share_outputs(client, dash_app, "/?release=publie-000000000000&actor=citoyens")
    assert f"release={release}" in links["share-permalink.value"]


def test_an_embed_view_takes_no_upload(client, dash_app):
    response = post_callback(
        client,
        dash_app,
        "commune-upload.data",
        {"upload": upload_contents("code;valeur\n14118;12,5\n")},
        {"upload": "valeurs.csv", "carte-state": AppState(embed=True).model_dump(mode="json")},
    )
    assert response.status_code == 204  # PreventUpdate: nothing stored, nothing reported
