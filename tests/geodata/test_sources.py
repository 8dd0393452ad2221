import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from geodata.sources import fetch, read_registry
from phare.errors import ChecksumMismatch, GeodataUnavailable
from phare.settings import load_settings

MIRROR = load_settings().geodata_mirror
needs_mirror = pytest.mark.skipif(MIRROR is None, reason="PHARE_GEODATA_MIRROR is not set")


@pytest.fixture(scope="module")
def registry():
    return read_registry()


def test_the_registry_pins_every_file_of_the_mirror(registry):
    assert len(registry) == 106
    assert registry["regions.geojson"].sha256 == (
        "9926de430f26c60c70682be8df947ca037aaf023d7b37d0aabd984e9ffcd9f87"
    )
    communes = [name for name in registry if name.startswith("communes/")]
    assert len(communes) == 101


@needs_mirror
def test_a_mirror_file_with_its_registered_hash_is_used_in_place(registry, tmp_path):
    path = fetch(registry["regions.geojson"], mirror=MIRROR, download_dir=tmp_path)
    assert path == MIRROR / "regions.geojson"


def tampered_mirror(tmp_path: Path) -> Path:
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / "regions.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    return mirror


def test_a_mirror_file_with_another_hash_is_rejected_with_both_hashes(registry, tmp_path):
    with pytest.raises(ChecksumMismatch) as error:
        fetch(registry["regions.geojson"], mirror=tampered_mirror(tmp_path), download_dir=tmp_path)
    message = str(error.value)
    assert "regions.geojson" in message
    assert "expected 9926de430f26c60c70682be8df947ca037aaf023d7b37d0aabd984e9ffcd9f87" in message
    assert error.value.actual in message and error.value.actual != error.value.expected
    assert "PHARE_GEODATA_MIRROR" in message


def test_a_file_missing_from_the_mirror_says_what_to_do(registry, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(GeodataUnavailable, match="not in the mirror folder"):
        fetch(registry["regions.geojson"], mirror=empty, download_dir=tmp_path)


@pytest.fixture()
def http_mirror(tmp_path):
    """A real HTTP server on loopback serving a folder laid out like the upstream repository."""
    root = tmp_path / "upstream"
    root.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@needs_mirror
def test_download_verifies_the_hash_with_pooch(registry, http_mirror, tmp_path):
    root, base_url = http_mirror
    shutil.copy(MIRROR / "regions.geojson", root / "regions.geojson")
    path = fetch(
        registry["regions.geojson"], mirror=None, download_dir=tmp_path / "dl", base_url=base_url
    )
    assert path.parent == tmp_path / "dl"
    assert path.read_bytes() == (MIRROR / "regions.geojson").read_bytes()


def test_a_download_with_another_hash_is_rejected_and_not_kept(registry, http_mirror, tmp_path):
    root, base_url = http_mirror
    (root / "regions.geojson").write_text("{}")
    with pytest.raises(ChecksumMismatch) as error:
        fetch(
            registry["regions.geojson"],
            mirror=None,
            download_dir=tmp_path / "dl",
            base_url=base_url,
        )
    assert error.value.actual == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
    assert not any((tmp_path / "dl").iterdir())


def test_an_unreachable_server_suggests_the_mirror(registry, tmp_path):
    with pytest.raises(GeodataUnavailable, match="PHARE_GEODATA_MIRROR"):
        fetch(
            registry["regions.geojson"],
            mirror=None,
            download_dir=tmp_path,
            base_url="http://127.0.0.1:9/",
        )
