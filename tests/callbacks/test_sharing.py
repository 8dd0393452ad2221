"""The share bar follows the Carte's view in the Carte's own callback; an embed view takes no
upload."""

import html
from urllib.parse import parse_qs, urlsplit

from dashboard.core.state import AppState
from dashboard.server.current import EXTENSION_KEY
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
        f"/?release={release}&actor=citoyens&indicator=fragility_share_high&fragility=environnement"
    )
    links = share_outputs(client, dash_app, permalink)
    assert links["share-permalink.value"] == f"http://localhost{permalink}"
    embed = parse_qs(urlsplit(links["share-full-view.href"]).query)
    assert embed["actor"] == ["citoyens"] and "embed" not in embed
    assert "embed-code.value" not in links  # written when its dialog opens
    png = parse_qs(urlsplit(links["export-png-16-9.href"]).query)
    assert (png["actor"], png["width"], png["height"]) == (["citoyens"], ["1920"], ["1080"])
    assert "flavour=standard" in links["export-csv-standard.href"]
    assert links["share-downloads.hidden"] is False


def test_a_view_without_regional_value_offers_no_map_download(client, dash_app):
    release = dash_app.server.extensions[EXTENSION_KEY].release.id
    permalink = (
        f"/?release={release}&actor=citoyens&indicator=fragility_mean_score&fragility=emploi"
    )
    links = share_outputs(client, dash_app, permalink)
    assert links["share-downloads.hidden"] is True
    assert links["export-png-16-9.href"] is None and links["export-csv-fr.href"] is None
    assert links["national-view.hidden"] is False and links["map-box.hidden"] is True


def open_embed_dialog(client, dash_app, stored: dict | None, title: str | None):
    return post_callback(
        client,
        dash_app,
        "embed-code.value",
        {"embed-modal": True},
        {"carte-state": stored, "map-title": title},
    )


def test_the_embed_code_is_the_view_on_the_map_when_its_dialog_opens(client, dash_app):
    state = AppState(actor="citoyens", indicator="fragility_mean_score", fragility="emploi")
    response = open_embed_dialog(
        client, dash_app, state.model_dump(mode="json"), "Note moyenne — Emploi — Citoyens"
    )
    assert response.status_code == 200
    code = response.get_json()["response"]["embed-code"]["value"]
    src = html.unescape(code.split('src="', 1)[1].split('"', 1)[0])
    frame = parse_qs(urlsplit(src).query)
    assert frame["actor"] == ["citoyens"] and frame["embed"] == ["1"]
    assert 'title="PHARE – fragilités et alliances en territoire – Note moyenne' in code


def test_other_pages_keep_the_embed_code_of_their_layout(client, dash_app):
    # no Carte on the page: its state and title are absent (optional States arrive as null)
    assert open_embed_dialog(client, dash_app, None, None).status_code == 204


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
