"""The full French build (made once per test session): what the maps of France stand on."""

import gzip
import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geodata.cache import load_manifest
from geodata.lookups import Gazetteer


@pytest.fixture(scope="module")
def manifest(settings):
    loaded = load_manifest(settings.geodata_cache_dir)
    assert loaded is not None
    return loaded


@pytest.fixture(scope="module")
def communes(manifest):
    return gpd.read_parquet(manifest.directory / "communes.parquet")


def test_every_current_metropolitan_commune_has_exactly_one_geometry(manifest, communes):
    reference = pd.read_parquet(manifest.table("reference_communes"))
    metropolitan = set(reference.loc[reference["zone"] == "metro", "code"])
    assert len(metropolitan) == 34746
    assert communes["code"].is_unique
    assert set(communes["code"]) == metropolitan
    assert manifest.reconciliation["unmatched_contours"] == 0
    assert manifest.reconciliation["without_outline"] == 0


def test_paris_lyon_and_marseille_are_single_communes(manifest, communes):
    codes = set(communes["code"])
    assert {"75056", "69123", "13055"} <= codes
    parts = pd.read_parquet(manifest.table("reference_parts"))
    arrondissements = parts[parts["kind"] == "arrondissement municipal"]
    assert len(arrondissements) == 45
    assert not set(arrondissements["code"]) & codes
    assert set(arrondissements["commune"]) == {"75056", "69123", "13055"}


def test_a_commune_merged_since_2018_is_found_by_its_code_and_each_former_code(manifest, communes):
    gazetteer = Gazetteer.from_manifest(manifest)
    assert gazetteer.commune("69135").name == "Deux-Grosnes"
    for former in ("69015", "69150", "69185", "69210", "69224", "69251"):
        match = gazetteer.commune(former)
        assert (match.code, match.found_by) == ("69135", "ancien code")
    outline = communes.set_index("code").geometry["69135"]
    assert outline.geom_type in ("Polygon", "MultiPolygon") and outline.area > 0


def test_department_areas_stay_within_half_a_percent(manifest):
    assert manifest.checks["department_area_max_deviation"] < 0.005


def test_the_department_map_stays_within_one_and_a_half_percent_of_each_area(manifest):
    assert manifest.checks["department_map_area_max_deviation"] < 0.015


def test_department_and_region_maps_hold_few_vertices_and_share_their_borders(manifest):
    """The browser redraws every vertex on each filter change; regions' outlines drawn over
    the department map are exactly their departments' borders."""
    departments = gpd.read_parquet(manifest.directory / "departements.parquet")
    regions = gpd.read_parquet(manifest.directory / "regions.parquet").set_index("code")
    assert shapely.get_num_coordinates(departments.geometry.to_numpy()).sum() <= 22_000
    assert shapely.get_num_coordinates(regions.geometry.to_numpy()).sum() <= 10_000
    territories = pd.read_parquet(manifest.directory / "territories.parquet")
    region_of = territories[territories["level"] == "departement"].set_index("code")["region"]
    mainland = departments[~departments["overseas"]]
    for code, group in mainland.groupby(mainland["code"].map(region_of)):
        union = shapely.coverage_union_all(group.geometry.to_numpy())
        assert union.symmetric_difference(regions.geometry[code]).area < 1e-9, code


def test_no_overlap_between_neighbours_beyond_rounding_and_all_valid(manifest, communes):
    unique = communes[communes["drawn_with"] == ""]
    geometries = unique.geometry.to_numpy()
    union_area = shapely.union_all(geometries).area
    assert shapely.area(geometries).sum() / union_area - 1 < 1e-6
    assert shapely.is_valid(communes.geometry.to_numpy()).all()
    shared = communes[communes["shared_outline"]]
    assert sorted(shared["code"]) == sorted(
        ["14666", "14712", "15031", "15035", "15047", "15141", "15171", "85084", "85165", "85212"]
    )


def test_browser_files_fit_their_budgets(manifest):
    levels = manifest.levels
    assert levels["communes"].gzip_bytes <= 2_500_000
    assert levels["regions"].gzip_bytes <= 100_000
    regional = [level for name, level in levels.items() if name.startswith("communes-")]
    assert len(regional) == 13
    assert max(level.gzip_bytes for level in regional) <= 750_000
    payload = gzip.decompress(manifest.gzip_path_of("regions").read_bytes())
    assert payload == manifest.path_of("regions").read_bytes()
    assert len(json.loads(payload)["features"]) == 18


def test_departments_and_regions_with_overseas_insets(manifest):
    departments = gpd.read_parquet(manifest.directory / "departements.parquet")
    assert (~departments["overseas"]).sum() == 96
    assert sorted(departments.loc[departments["overseas"], "code"]) == [
        "971",
        "972",
        "973",
        "974",
        "976",
    ]
    regions = gpd.read_parquet(manifest.directory / "regions.parquet").set_index("code")
    insets = gpd.read_parquet(manifest.directory / "insets.parquet").set_index("code")
    for code in ("01", "02", "03", "04", "06"):
        assert insets.geometry[code].contains(regions.geometry[code])


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def test_every_browser_file_is_strict_json_and_every_commune_has_its_name(manifest):
    """A NaN in one file once left Normandie's commune map blank in browsers."""
    for level in manifest.levels:
        text = (manifest.directory / f"{level}.geojson").read_text(encoding="utf-8")
        collection = json.loads(text, parse_constant=_refuse_constant)
        if level.startswith("communes"):
            assert all(feature["properties"].get("nom") for feature in collection["features"])
