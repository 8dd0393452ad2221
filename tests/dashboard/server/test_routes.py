import gzip
import json
import re

import pytest

from dashboard import __version__
from dashboard.core.context import Unavailable
from dashboard.server.current import EXTENSION_KEY


def test_healthz_answers_without_touching_data(client, dash_app, monkeypatch):
    monkeypatch.setitem(dash_app.server.extensions, EXTENSION_KEY, Unavailable("broken"))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "version": __version__}


def test_readyz_reports_release_and_geodata(client, dash_app):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.get_json()
    context = dash_app.server.extensions[EXTENSION_KEY]
    assert body["release"] == {"id": context.release.id, "rows": len(context.published)}
    assert body["release"]["id"].startswith("publie-")
    assert body["geodata"]["levels"]["regions"] == context.geometry.levels["regions"].sha256
    assert body["geodata"]["origin"] in ("download",) or body["geodata"]["origin"].startswith(
        "mirror:"
    )


def test_readyz_is_503_with_the_reason_when_data_is_missing(client, dash_app, monkeypatch):
    monkeypatch.setitem(dash_app.server.extensions, EXTENSION_KEY, Unavailable("no geometry cache"))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable", "reason": "no geometry cache"}


def test_geometry_is_served_by_level_with_long_cache_when_versioned(client, dash_app):
    context = dash_app.server.extensions[EXTENSION_KEY]
    response = client.get(context.geometry_url("regions"))
    assert response.status_code == 200
    assert response.mimetype == "application/geo+json"
    assert "immutable" in response.headers["Cache-Control"]
    assert len(json.loads(response.data)["features"]) == 18
    assert "immutable" not in client.get("/geo/regions.geojson").headers["Cache-Control"]


def test_geometry_is_sent_precompressed_to_browsers_that_accept_gzip(client, dash_app):
    context = dash_app.server.extensions[EXTENSION_KEY]
    response = client.get("/geo/communes.geojson", headers={"Accept-Encoding": "gzip, br"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.headers["Vary"] == "Accept-Encoding"
    assert response.data == context.geometry.gzip_path_of("communes").read_bytes()
    features = json.loads(gzip.decompress(response.data))["features"]
    assert len(features) == 34746


def test_unknown_geometry_levels_are_404_and_paths_never_reach_files(client):
    assert client.get("/geo/cantons.geojson").status_code == 404
    traversal = client.get("/geo/..%2Fmanifest.geojson")
    assert traversal.mimetype == "text/html"  # Dash's page shell, not a file from the cache
    assert b"build_key" not in traversal.data


@pytest.mark.parametrize(
    ("path", "lang"),
    [("/", "fr"), ("/?lang=en", "en"), ("/region/28?lang=en", "en"), ("/donnees?lang=de", "fr")],
)
def test_every_page_declares_its_language_on_the_html_element(client, path, lang):
    page = client.get(path).get_data(as_text=True)
    assert re.search(r"<html[^>]*>", page).group() == f'<html lang="{lang}">'
