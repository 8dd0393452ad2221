import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from geodata.sources import COG, FRANCE_GEOJSON, fetch
from phare.errors import ChecksumMismatch, GeodataUnavailable
from tests.geodata.conftest import PROJECT

MIRROR = PROJECT.geodata_mirror
needs_mirror = pytest.mark.skipif(MIRROR is None, reason="PHARE_GEODATA_MIRROR is not set")
REGIONS = FRANCE_GEOJSON.files()["regions.geojson"]


def test_the_registries_pin_every_file_of_both_sources():
    contours = FRANCE_GEOJSON.files()
    assert len(contours) == 106
    assert REGIONS.sha256 == "9926de430f26c60c70682be8df947ca037aaf023d7b37d0aabd984e9ffcd9f87"
    assert len([name for name in contours if name.startswith("communes/")]) == 101
    assert sorted(COG.files()) == ["communes.json", "departements.json", "regions.json"]


@needs_mirror
def test_a_mirror_file_with_its_registered_hash_is_used_in_place(tmp_path):
    path = fetch(FRANCE_GEOJSON, REGIONS, mirror=MIRROR, download_dir=tmp_path)
    assert path == MIRROR / "regions.geojson"


def tampered_mirror(tmp_path: Path) -> Path:
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / "regions.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    return mirror


def test_a_mirror_file_with_another_hash_is_rejected_with_both_hashes(tmp_path):
    with pytest.raises(ChecksumMismatch) as error:
        fetch(FRANCE_GEOJSON, REGIONS, mirror=tampered_mirror(tmp_path), download_dir=tmp_path)
    message = str(error.value)
    assert "regions.geojson" in message
    assert "expected 9926de430f26c60c70682be8df947ca037aaf023d7b37d0aabd984e9ffcd9f87" in message
    assert error.value.actual in message and error.value.actual != error.value.expected
    assert "PHARE_GEODATA_MIRROR" in message


def test_a_file_missing_from_the_mirror_says_what_to_do(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(GeodataUnavailable, match="not in the mirror folder"):
        fetch(FRANCE_GEOJSON, REGIONS, mirror=empty, download_dir=tmp_path)


def test_a_missing_mirror_folder_is_named_with_its_variable(tmp_path):
    with pytest.raises(GeodataUnavailable, match=r"nowhere \(PHARE_COG_MIRROR\) does not exist"):
        fetch(COG, COG.files()["regions.json"], mirror=tmp_path / "nowhere", download_dir=tmp_path)


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
def test_download_verifies_the_hash_with_pooch(http_mirror, tmp_path):
    root, base_url = http_mirror
    shutil.copy(MIRROR / "regions.geojson", root / "regions.geojson")
    path = fetch(
        FRANCE_GEOJSON, REGIONS, mirror=None, download_dir=tmp_path / "dl", base_url=base_url
    )
    assert path.parent == tmp_path / "dl" / "france-geojson"
    assert path.read_bytes() == (MIRROR / "regions.geojson").read_bytes()


def test_a_download_with_another_hash_is_rejected_and_not_kept(http_mirror, tmp_path):
    root, base_url = http_mirror
    (root / "regions.geojson").write_text("{}")
    with pytest.raises(ChecksumMismatch) as error:
        fetch(FRANCE_GEOJSON, REGIONS, mirror=None, download_dir=tmp_path / "dl", base_url=base_url)
    assert error.value.actual == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
    assert not any((tmp_path / "dl" / "france-geojson").iterdir())


def test_an_unreachable_server_suggests_the_mirror(tmp_path):
    with pytest.raises(GeodataUnavailable, match="PHARE_GEODATA_MIRROR"):
        fetch(
            FRANCE_GEOJSON,
            REGIONS,
            mirror=None,
            download_dir=tmp_path,
            base_url="http://127.0.0.1:9/",
        )
