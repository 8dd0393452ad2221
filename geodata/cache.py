"""Build once, read many: the browser-ready geometry of each map level, cached on disk.

``build`` fetches and verifies the contour files, simplifies each level as a coverage and writes
GeoJSON (served to the browser as a static file) and GeoParquet beside a ``manifest.json``.
The cache is rebuilt only when a source file's hash or this module's parameters change, and a
new build replaces the old one atomically: a failed build leaves the previous cache in place.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import geopandas as gpd
import shapely

from geodata.simplify import overlap_ratio, simplify_coverage
from geodata.sources import FRANCE_GEOJSON, ContourFile, fetch, read_registry
from phare.errors import GeodataUnavailable

CODE_VERSION = 1
CURRENT = "current"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class LevelSpec:
    """How one map level is built: from which registered file, at which tolerance."""

    name: str
    source: str
    tolerance: float
    decimals: int


LEVELS: tuple[LevelSpec, ...] = (
    LevelSpec("regions", "regions.geojson", tolerance=0.005, decimals=4),
)


@dataclass(frozen=True)
class BuiltLevel:
    name: str
    geojson: str
    geoparquet: str
    sha256: str
    features: int
    bytes: int
    overlap_ratio: float
    source_file: str
    source_sha256: str
    tolerance: float
    decimals: int


@dataclass(frozen=True)
class GeometryManifest:
    build_key: str
    code_version: int
    origin: str
    attribution: str
    licence: str
    source_version: str
    levels: dict[str, BuiltLevel]
    directory: Path

    def path_of(self, level: str) -> Path:
        return self.directory / self.levels[level].geojson


def build_key(registry: dict[str, ContourFile], levels: tuple[LevelSpec, ...] = LEVELS) -> str:
    """Changes whenever a source hash, a level parameter or the code version changes."""
    parts = [f"code={CODE_VERSION}"]
    parts += [f"{s.name}:{registry[s.source].sha256}:{s.tolerance}:{s.decimals}" for s in levels]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def build(
    cache_dir: Path,
    *,
    mirror: Path | None,
    download_dir: Path,
    force: bool = False,
    base_url: str | None = None,
) -> GeometryManifest:
    """Make sure ``cache_dir/current`` holds the geometry of every level; return its manifest."""
    registry = read_registry()
    key = build_key(registry)
    existing = load_manifest(cache_dir)
    if existing is not None and existing.build_key == key and not force:
        return existing
    cache_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=cache_dir))
    try:
        fetch_options = {"mirror": mirror, "download_dir": download_dir}
        if base_url is not None:
            fetch_options["base_url"] = base_url
        levels = {
            spec.name: _build_level(spec, registry[spec.source], staging, fetch_options)
            for spec in LEVELS
        }
        origin = f"mirror:{mirror}" if mirror is not None else "download"
        _write_manifest(staging, key, origin, levels)
        _swap_into_place(staging, cache_dir / CURRENT)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    manifest = load_manifest(cache_dir)
    assert manifest is not None
    return manifest


def load_manifest(cache_dir: Path) -> GeometryManifest | None:
    """The manifest of the current cache, or None when no complete build exists."""
    directory = cache_dir / CURRENT
    try:
        raw = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    levels = {name: BuiltLevel(**level) for name, level in raw.pop("levels").items()}
    return GeometryManifest(**raw, levels=levels, directory=directory)


def require_manifest(cache_dir: Path) -> GeometryManifest:
    manifest = load_manifest(cache_dir)
    if manifest is None:
        raise GeodataUnavailable(
            f"no geometry cache in {cache_dir / CURRENT}: run `make geodata` "
            "(or `python -m geodata prepare`) first."
        )
    return manifest


def _build_level(spec: LevelSpec, entry: ContourFile, staging: Path, fetch_options) -> BuiltLevel:
    source = fetch(entry, **fetch_options)
    frame = gpd.read_file(source)[["code", "nom", "geometry"]]
    frame["code"] = frame["code"].astype(str)
    frame = frame.sort_values("code").reset_index(drop=True)
    geometries = simplify_coverage(frame.geometry.to_numpy(), spec.tolerance, spec.decimals)
    frame = frame.set_geometry(gpd.GeoSeries(geometries, crs=frame.crs))
    geojson_name, parquet_name = f"{spec.name}.geojson", f"{spec.name}.parquet"
    payload = _feature_collection(frame, spec.decimals)
    (staging / geojson_name).write_bytes(payload)
    frame.to_parquet(staging / parquet_name)
    return BuiltLevel(
        name=spec.name,
        geojson=geojson_name,
        geoparquet=parquet_name,
        sha256=hashlib.sha256(payload).hexdigest(),
        features=len(frame),
        bytes=len(payload),
        overlap_ratio=overlap_ratio(geometries),
        source_file=entry.local_path,
        source_sha256=entry.sha256,
        tolerance=spec.tolerance,
        decimals=spec.decimals,
    )


def _feature_collection(frame: gpd.GeoDataFrame, decimals: int) -> bytes:
    """Compact GeoJSON: feature ``id`` = INSEE code (what Plotly matches ``locations`` against)."""
    features = [
        {
            "type": "Feature",
            "id": code,
            "properties": {"nom": name},
            "geometry": json.loads(shapely.to_geojson(geometry)),
        }
        for code, name, geometry in zip(frame["code"], frame["nom"], frame.geometry, strict=True)
    ]
    text = json.dumps(
        {"type": "FeatureCollection", "features": features},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return _round_numbers(text, decimals).encode("utf-8")


def _round_numbers(text: str, decimals: int) -> str:
    """Drop float noise left by the grid snapping (2.4000000000000004 -> 2.4)."""
    return json.dumps(
        json.loads(text, parse_float=lambda raw: round(float(raw), decimals)),
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _write_manifest(staging: Path, key: str, origin: str, levels: dict[str, BuiltLevel]) -> None:
    manifest = {
        "build_key": key,
        "code_version": CODE_VERSION,
        "origin": origin,
        "attribution": FRANCE_GEOJSON.attribution,
        "licence": FRANCE_GEOJSON.licence,
        "source_version": FRANCE_GEOJSON.version,
        "levels": {name: asdict(level) for name, level in levels.items()},
    }
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def _swap_into_place(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging``: readers see the old or the new build, never half."""
    final = target.parent / f"build-{staging.name.removeprefix('.build-')}"
    staging.rename(final)
    link = target.parent / f".{CURRENT}-{final.name}"
    link.symlink_to(final.name)
    previous = target.resolve() if target.is_symlink() else None
    os.replace(link, target)
    if previous is not None and previous != final:
        shutil.rmtree(previous, ignore_errors=True)
