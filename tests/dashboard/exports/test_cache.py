"""Rendered exports are drawn once per release and state, shared by workers, and a cache that
fails is only a miss."""

import socket
from dataclasses import replace

import pytest
from flask import Flask

import dashboard.exports.slides as image_export
from dashboard import __version__
from dashboard.exports.cache import (
    CACHE_HEADER,
    MAX_ENTRIES,
    cache_config,
    cache_key,
    install_cache,
)
from dashboard.exports.slides import images
from dashboard.server.current import EXTENSION_KEY

SVG = "/export/view.svg?actor=entreprises&width=640&height=360"


class CountingRenderer:
    """Stands in for Chromium: answers at once and counts what it was asked to draw."""

    def __init__(self) -> None:
        self.calls = 0

    def render(self, figure: dict, options) -> bytes:
        self.calls += 1
        return f"<svg><!-- drawing {self.calls} --></svg>".encode()


@pytest.fixture()
def renderer(monkeypatch):
    fake = CountingRenderer()
    monkeypatch.setattr(image_export, "RENDERER", fake)
    return fake


def export_app(context, settings) -> Flask:
    server = Flask(__name__)
    server.extensions[EXTENSION_KEY] = context
    install_cache(server, settings)
    server.register_blueprint(images)
    return server


@pytest.fixture()
def own_settings(settings, tmp_path):
    return replace(settings, cache_dir=tmp_path / "cache")


def test_the_key_names_kind_version_and_release_and_hashes_the_request():
    key = cache_key("view.png", ["r1"], "https://phare.example/?actor=maires|1920x1080")
    kind, version, release, digest = key.split(":")
    assert (kind, version, release) == ("view.png", __version__, "r1")
    assert len(digest) == 64
    assert key == cache_key("view.png", ["r1"], "https://phare.example/?actor=maires|1920x1080")
    assert key != cache_key("view.png", ["r2"], "https://phare.example/?actor=maires|1920x1080")
    assert key != cache_key("view.svg", ["r1"], "https://phare.example/?actor=maires|1920x1080")
    assert key != cache_key("view.png", ["r1"], "https://phare.example/?actor=maires|1280x720")


def test_files_by_default_bounded_and_redis_when_set(own_settings):
    folder = cache_config(own_settings)
    assert folder["CACHE_TYPE"] == "FileSystemCache"
    assert folder["CACHE_DIR"] == str(own_settings.cache_dir / "responses")
    assert folder["CACHE_THRESHOLD"] == MAX_ENTRIES
    redis = cache_config(replace(own_settings, redis_url="redis://127.0.0.1:6379/0"))
    assert redis["CACHE_TYPE"] == "RedisCache"
    assert redis["CACHE_REDIS_URL"] == "redis://127.0.0.1:6379/0"


def test_the_same_export_is_drawn_once(context, own_settings, renderer):
    client = export_app(context, own_settings).test_client()
    first, second = client.get(SVG), client.get(SVG)
    assert (first.status_code, second.status_code) == (200, 200)
    assert (first.headers[CACHE_HEADER], second.headers[CACHE_HEADER]) == ("miss", "hit")
    assert first.get_data() == second.get_data()
    assert second.headers["Content-Disposition"] == first.headers["Content-Disposition"]
    assert renderer.calls == 1
    other = client.get(SVG.replace("entreprises", "maires"))
    assert other.headers[CACHE_HEADER] == "miss" and renderer.calls == 2


def test_every_worker_of_a_host_shares_the_folder(context, own_settings, renderer):
    first = export_app(context, own_settings).test_client().get(SVG)
    second = export_app(context, own_settings).test_client().get(SVG)
    assert second.headers[CACHE_HEADER] == "hit"
    assert second.get_data() == first.get_data() and renderer.calls == 1


def test_a_corrupt_cache_file_is_a_miss(context, own_settings, renderer):
    client = export_app(context, own_settings).test_client()
    client.get(SVG)
    for entry in own_settings.response_cache_dir.iterdir():
        entry.write_bytes(b"\xff\xff\xff\x7f garbage, not a pickle")
    response = client.get(SVG)
    assert response.status_code == 200
    assert response.headers[CACHE_HEADER] == "miss" and renderer.calls == 2
    assert client.get(SVG).headers[CACHE_HEADER] == "hit"  # stored again, readable


def test_a_cache_server_that_is_down_is_a_miss(context, own_settings, renderer):
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    down = replace(own_settings, redis_url=f"redis://127.0.0.1:{port}/0")
    client = export_app(context, down).test_client()
    responses = [client.get(SVG), client.get(SVG)]
    assert [response.status_code for response in responses] == [200, 200]
    assert [response.headers[CACHE_HEADER] for response in responses] == ["miss", "miss"]
    assert renderer.calls == 2
