"""Cache builds of two departments: reconciliation, checks, atomic swap, download through pooch."""

import functools
import http.server
import json
import threading

import geopandas as gpd
import pytest

from geodata import cache
from geodata.cache import (
    BuildPlan,
    Mirrors,
    build,
    check,
    load_manifest,
    plan_files,
    require_manifest,
)
from phare.errors import ChecksumMismatch, GeodataUnavailable
from tests.geodata.conftest import MIRRORS, PROJECT, TWO_DEPARTMENTS, needs_mirrors

pytestmark = needs_mirrors


def test_the_report_accounts_for_every_commune_of_the_two_departments(two_departments):
    _, manifest, report = two_departments
    summary = manifest.reconciliation
    assert summary["unmatched_contours"] == 0
    assert summary["without_outline"] == 0
    assert summary["shared_outline"] == 4  # Celles, Chalinargues, Chavagnac, Sainte-Anastasie
    assert (
        summary["matched"] + summary["dissolved_into"] + summary["shared_outline"]
        == (summary["current_communes"])
    )
    assert "15031 Celles: drawn with the outline of 15141 (2018)" in "\n".join(report)


def test_every_current_commune_has_exactly_one_outline(two_departments):
    _, manifest, _ = two_departments
    communes = gpd.read_parquet(manifest.directory / "communes.parquet")
    assert communes["code"].is_unique
    assert len(communes) == manifest.reconciliation["current_communes"]
    assert set(communes["department"]) == {"15", "90"}
    puycapel = communes.set_index("code").loc["15027"]  # merged with 15136 since 2018
    assert puycapel["name"] == "Puycapel"


def test_shared_outlines_are_flagged_in_the_browser_file(two_departments):
    _, manifest, _ = two_departments
    features = json.loads(manifest.path_of("communes").read_text())["features"]
    by_code = {feature["id"]: feature for feature in features}
    assert by_code["15031"]["properties"] == {"nom": "Celles", "contour_partage": True}
    assert by_code["15031"]["geometry"] == by_code["15141"]["geometry"]
    assert by_code["15141"]["properties"]["contour_partage"] is True
    assert "contour_partage" not in by_code["90010"]["properties"]


def test_department_areas_and_coverage_checks_hold(two_departments):
    _, manifest, _ = two_departments
    assert manifest.checks["department_area_max_deviation"] < 0.005
    assert abs(manifest.checks["communes_overlap_ratio"]) < 1e-6
    assert manifest.checks["invalid_geometries"] == 0


def test_every_level_is_written_with_its_gzip_copy(two_departments):
    _, manifest, _ = two_departments
    assert {"regions", "departements", "communes", "insets", "communes-84", "communes-27"} <= set(
        manifest.levels
    )
    regions = json.loads(manifest.path_of("regions").read_text())["features"]
    assert sorted(f["id"] for f in regions) == ["01", "02", "03", "04", "06", "27", "84"]
    for name in manifest.levels:
        assert manifest.gzip_path_of(name).stat().st_size == manifest.levels[name].gzip_bytes
    assert check(manifest.directory.parent) == []


def test_a_current_cache_is_not_rebuilt(two_departments):
    directory, manifest, _ = two_departments
    again, report = build(
        directory, mirrors=MIRRORS, download_dir=PROJECT.download_dir, plan=TWO_DEPARTMENTS
    )
    assert report == ["geometry cache is up to date"]
    assert again.directory.resolve() == manifest.directory.resolve()


def test_check_finds_a_modified_file(tmp_path):
    manifest, _ = build(
        tmp_path, mirrors=MIRRORS, download_dir=PROJECT.download_dir, plan=TWO_DEPARTMENTS
    )
    path = manifest.path_of("regions")
    path.write_bytes(path.read_bytes().replace(b'"nom"', b'"NOM"', 1))
    assert check(tmp_path) == ["regions.geojson: SHA-256 differs from the manifest"]


def test_the_build_key_follows_sources_plan_and_code_version(monkeypatch):
    hashes = [entry.sha256 for _, entry in plan_files(TWO_DEPARTMENTS)]
    key = cache.build_key(TWO_DEPARTMENTS, hashes)
    assert cache.build_key(BuildPlan(departments=("15",)), hashes) != key
    assert cache.build_key(TWO_DEPARTMENTS, [*hashes[:-1], "0" * 64]) != key
    monkeypatch.setattr(cache, "CODE_VERSION", cache.CODE_VERSION + 1)
    assert cache.build_key(TWO_DEPARTMENTS, hashes) != key


def test_a_missing_cache_says_how_to_build_it(tmp_path):
    assert load_manifest(tmp_path) is None
    with pytest.raises(GeodataUnavailable, match="make geodata"):
        require_manifest(tmp_path)


@pytest.fixture()
def upstream(tmp_path):
    """Both sources served over HTTP on loopback, laid out as upstream (symlinks to the mirrors)."""
    root = tmp_path / "upstream"
    for source, entry in plan_files(TWO_DEPARTMENTS):
        mirror = MIRRORS.geodata if source.name == "france-geojson" else MIRRORS.cog
        target = root / source.name / entry.upstream_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(mirror / entry.local_path)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    yield root, {name: f"{base}{name}/" for name in ("france-geojson", "decoupage-administratif")}
    server.shutdown()


def test_the_cache_builds_from_downloads_through_pooch(upstream, tmp_path):
    _, base_urls = upstream
    manifest, _ = build(
        tmp_path / "cache",
        mirrors=Mirrors(),
        download_dir=tmp_path / "downloads",
        plan=TWO_DEPARTMENTS,
        base_urls=base_urls,
    )
    assert manifest.origin == "download"
    assert (
        tmp_path
        / "downloads"
        / "france-geojson"
        / "communes__communes-90-territoire-de-belfort.geojson"
    ).is_file()
    assert (tmp_path / "downloads" / "decoupage-administratif" / "communes.json").is_file()
    assert manifest.levels["communes"].features == manifest.reconciliation["current_communes"]


def test_a_corrupted_byte_fails_the_build_and_keeps_the_previous_cache(upstream, tmp_path):
    root, base_urls = upstream
    previous, _ = build(
        tmp_path / "cache", mirrors=MIRRORS, download_dir=tmp_path / "dl", plan=TWO_DEPARTMENTS
    )
    before = previous.path_of("communes").read_bytes()
    served = root / "france-geojson" / "departements" / "90-territoire-de-belfort"
    served = served / "communes-90-territoire-de-belfort.geojson"
    data = bytearray(served.read_bytes())
    served.unlink()
    data[1000] ^= 0x01
    served.write_bytes(bytes(data))
    with pytest.raises(ChecksumMismatch) as error:
        build(
            tmp_path / "cache",
            mirrors=Mirrors(),
            download_dir=tmp_path / "dl2",
            plan=TWO_DEPARTMENTS,
            base_urls=base_urls,
            force=True,
        )
    message = str(error.value)
    assert "communes/communes-90-territoire-de-belfort.geojson" in message
    assert f"expected {error.value.expected}" in message and error.value.actual in message
    assert "previous geometry cache was left untouched" in message
    current = load_manifest(tmp_path / "cache")
    assert current is not None and current.build_key == previous.build_key
    assert current.path_of("communes").read_bytes() == before
    assert not [p for p in (tmp_path / "cache").iterdir() if p.name.startswith(".build-")]
