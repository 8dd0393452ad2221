import json

import pytest

from geodata import cache
from geodata.cache import build, load_manifest, require_manifest
from phare.catalogue import load_catalogue
from phare.errors import ChecksumMismatch, GeodataUnavailable
from phare.settings import load_settings

PROJECT = load_settings()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    directory = tmp_path_factory.mktemp("geo")
    manifest = build(directory, mirror=PROJECT.geodata_mirror, download_dir=PROJECT.download_dir)
    return directory, manifest


def test_the_regions_level_has_the_thirteen_catalogue_regions(built):
    _, manifest = built
    collection = json.loads(manifest.path_of("regions").read_text(encoding="utf-8"))
    ids = sorted(feature["id"] for feature in collection["features"])
    assert ids == sorted(load_catalogue().regions)
    assert manifest.levels["regions"].features == 13
    assert abs(manifest.levels["regions"].overlap_ratio) < 1e-6


def test_the_browser_file_is_compact(built):
    _, manifest = built
    text = manifest.path_of("regions").read_text(encoding="utf-8")
    assert ", " not in text[:2000]
    assert manifest.levels["regions"].bytes < 400_000


def test_a_current_cache_is_not_rebuilt(built):
    directory, manifest = built
    again = build(directory, mirror=PROJECT.geodata_mirror, download_dir=PROJECT.download_dir)
    assert again.directory.resolve() == manifest.directory.resolve()


def test_a_failed_build_leaves_the_previous_cache_in_place(built, tmp_path):
    directory, manifest = built
    before = manifest.path_of("regions").read_bytes()
    bad_mirror = tmp_path / "mirror"
    bad_mirror.mkdir()
    (bad_mirror / "regions.geojson").write_text("{}")
    with pytest.raises(ChecksumMismatch):
        build(directory, mirror=bad_mirror, download_dir=tmp_path, force=True)
    current = load_manifest(directory)
    assert current is not None and current.build_key == manifest.build_key
    assert current.path_of("regions").read_bytes() == before
    assert not [p for p in directory.iterdir() if p.name.startswith(".build-")]


def test_the_build_key_follows_source_hashes_and_code_version(monkeypatch):
    registry = cache.read_registry()
    key = cache.build_key(registry)
    monkeypatch.setattr(cache, "CODE_VERSION", cache.CODE_VERSION + 1)
    assert cache.build_key(registry) != key


def test_a_missing_cache_says_how_to_build_it(tmp_path):
    assert load_manifest(tmp_path) is None
    with pytest.raises(GeodataUnavailable, match="make geodata"):
        require_manifest(tmp_path)
