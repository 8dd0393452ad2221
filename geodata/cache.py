"""Build once, read many: the geometry of every map level and the lookup tables, on disk.

``build`` fetches and verifies every source file first, then reconciles the communes, builds
the levels and writes, per level, GeoParquet and the browser file (GeoJSON, plus a gzip copy
served as is), with the reference and territory tables and a ``manifest.json`` listing each
file's SHA-256. The build goes to a staging folder swapped in atomically: a failed build leaves
the previous cache in place. It is skipped when neither a source hash, the plan nor
:data:`CODE_VERSION` changed. ``check`` verifies a cache against its manifest.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from geodata.levels import Levels, Tolerances, build_levels, department_area_deviation
from geodata.reconcile import ReconciliationReport, read_reestablished, reconcile
from geodata.reference import Reference, read_reference
from geodata.simplify import overlap_ratio, repair_polygons
from geodata.sources import COG, FRANCE_GEOJSON, RegisteredFile, SourceSet, fetch
from geodata.territories import territory_table
from geodata.writers import feature_collection, gzip_bytes, vertex_count
from phare.errors import GeodataUnavailable

CODE_VERSION = 4
CURRENT = "current"
MANIFEST = "manifest.json"
OVERSEAS_DEPARTMENT_PREFIX = "97"


@dataclass(frozen=True)
class BuildPlan:
    """What to build: all metropolitan departments, or a few (tests use two)."""

    departments: tuple[str, ...] | None = None
    tolerances: Tolerances = field(default_factory=Tolerances)

    def commune_files(self, registry: dict[str, RegisteredFile]) -> list[str]:
        names = []
        for name in sorted(registry):
            if not name.startswith("communes/"):
                continue
            department = name.removeprefix("communes/communes-").split("-", 1)[0]
            if department.startswith(OVERSEAS_DEPARTMENT_PREFIX):
                continue
            if self.departments is None or department in self.departments:
                names.append(name)
        return names


CONTOUR_FILES = ("regions-avec-outre-mer.geojson", "departements-avec-outre-mer.geojson")
COG_FILES = ("communes.json", "departements.json", "regions.json")


@dataclass(frozen=True)
class Mirrors:
    geodata: Path | None = None
    cog: Path | None = None


@dataclass(frozen=True)
class BuiltLevel:
    name: str
    geojson: str
    geojson_gz: str
    geoparquet: str
    sha256: str
    features: int
    bytes: int
    gzip_bytes: int
    vertices: int


@dataclass(frozen=True)
class GeometryManifest:
    build_key: str
    code_version: int
    origin: str
    attribution: str
    licence: str
    source_version: str
    levels: dict[str, BuiltLevel]
    files: dict[str, str]
    checks: dict[str, float]
    reconciliation: dict[str, int]
    build_seconds: float
    directory: Path

    def path_of(self, level: str) -> Path:
        return self.directory / self.levels[level].geojson

    def gzip_path_of(self, level: str) -> Path:
        return self.directory / self.levels[level].geojson_gz

    def table(self, name: str) -> Path:
        return self.directory / f"{name}.parquet"


def build_key(plan: BuildPlan, hashes: list[str]) -> str:
    """Changes whenever a source hash, the plan or the code version changes."""
    parts = [f"code={CODE_VERSION}", repr(plan), *hashes]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def plan_files(plan: BuildPlan) -> list[tuple[SourceSet, RegisteredFile]]:
    contours = FRANCE_GEOJSON.files()
    cog = COG.files()
    return [
        *[(FRANCE_GEOJSON, contours[name]) for name in plan.commune_files(contours)],
        *[(FRANCE_GEOJSON, contours[name]) for name in CONTOUR_FILES],
        *[(COG, cog[name]) for name in COG_FILES],
    ]


def build(
    cache_dir: Path,
    *,
    mirrors: Mirrors,
    download_dir: Path,
    plan: BuildPlan | None = None,
    force: bool = False,
    base_urls: dict[str, str] | None = None,
) -> tuple[GeometryManifest, list[str]]:
    """Make sure ``cache_dir/current`` holds the geometry for ``plan``; the manifest and report."""
    plan = plan or BuildPlan()
    files = plan_files(plan)
    key = build_key(plan, [entry.sha256 for _, entry in files])
    existing = load_manifest(cache_dir)
    if existing is not None and existing.build_key == key and not force:
        return existing, ["geometry cache is up to date"]
    started = time.perf_counter()
    paths = _fetch_all(files, mirrors, download_dir, base_urls or {})
    cache_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=cache_dir))
    try:
        staging.chmod(0o755)
        report = _build_into(staging, plan, paths)
        origin = f"mirror:{mirrors.geodata}" if mirrors.geodata is not None else "download"
        _finish_manifest(staging, key, origin, time.perf_counter() - started)
        _swap_into_place(staging, cache_dir / CURRENT)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    manifest = load_manifest(cache_dir)
    if manifest is None:
        raise GeodataUnavailable(f"the build in {cache_dir} left no readable manifest")
    return manifest, report


def load_manifest(cache_dir: Path) -> GeometryManifest | None:
    """The manifest of the current cache, or None when no complete build exists."""
    directory = cache_dir / CURRENT
    try:
        raw = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        levels = {name: BuiltLevel(**level) for name, level in raw.pop("levels").items()}
        return GeometryManifest(**raw, levels=levels, directory=directory)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def require_manifest(cache_dir: Path) -> GeometryManifest:
    manifest = load_manifest(cache_dir)
    if manifest is None:
        raise GeodataUnavailable(
            f"no geometry cache in {cache_dir / CURRENT}: run `make geodata` "
            "(or `python -m geodata build`) first."
        )
    return manifest


def check(cache_dir: Path) -> list[str]:
    """Problems found in the current cache (empty when every file matches its manifest)."""
    manifest = load_manifest(cache_dir)
    if manifest is None:
        return [f"no readable manifest in {cache_dir / CURRENT}"]
    problems = []
    for name, expected in manifest.files.items():
        path = manifest.directory / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif _sha256(path.read_bytes()) != expected:
            problems.append(f"{name}: SHA-256 differs from the manifest")
    for name, level in manifest.levels.items():
        path = manifest.directory / level.geoparquet
        if path.is_file() and len(gpd.read_parquet(path)) != level.features:
            problems.append(f"{name}: feature count differs from the manifest")
    return problems


def _fetch_all(
    files: list[tuple[SourceSet, RegisteredFile]],
    mirrors: Mirrors,
    download_dir: Path,
    base_urls: dict[str, str],
) -> dict[str, Path]:
    mirror_of = {FRANCE_GEOJSON.name: mirrors.geodata, COG.name: mirrors.cog}
    return {
        entry.local_path: fetch(
            source,
            entry,
            mirror=mirror_of[source.name],
            download_dir=download_dir,
            base_url=base_urls.get(source.name),
        )
        for source, entry in files
    }


def _build_into(staging: Path, plan: BuildPlan, paths: dict[str, Path]) -> list[str]:
    reference = read_reference(*(paths[name] for name in COG_FILES))
    contour_names = plan.commune_files(FRANCE_GEOJSON.files())
    contours = pd.concat(
        [pyogrio.read_dataframe(paths[n]) for n in contour_names], ignore_index=True
    )
    contours["geometry"] = repair_polygons(contours.geometry.to_numpy())
    communes = reference.metropolitan_communes()
    if plan.departments is not None:
        communes = communes[communes["department"].isin(plan.departments)]
    reconciled, reconciliation = reconcile(contours, communes, read_reestablished())
    overseas_regions = pyogrio.read_dataframe(paths["regions-avec-outre-mer.geojson"])
    all_departments = pyogrio.read_dataframe(paths["departements-avec-outre-mer.geojson"])
    levels = build_levels(
        reconciled,
        reference,
        reconciliation.shared,
        overseas_regions,
        all_departments,
        plan.tolerances,
    )
    checks = _checks(levels, all_departments)
    _write_levels(staging, levels)
    _write_tables(staging, reference, levels)
    _write_partial_manifest(staging, checks, reconciliation)
    return [
        *reconciliation.lines(),
        *(f"check {name}: {value:.3g}" for name, value in checks.items()),
    ]


def _checks(levels: Levels, source_departments: gpd.GeoDataFrame) -> dict[str, float]:
    unique = levels.communes[levels.communes["drawn_with"] == ""]
    deviation = department_area_deviation(unique, source_departments)
    mainland = levels.departments[~levels.departments["overseas"]]
    drawn = department_area_deviation(
        mainland.assign(department=mainland["code"]), source_departments
    )
    geometries = levels.communes.geometry
    return {
        "communes_overlap_ratio": overlap_ratio(unique.geometry.to_numpy()),
        "department_area_max_deviation": float(deviation.abs().max()),
        "department_map_area_max_deviation": float(drawn.abs().max()),
        "invalid_geometries": float((~geometries.is_valid).sum()),
    }


def _write_levels(staging: Path, levels: Levels) -> None:
    layers = {
        "regions": (levels.regions, ["nom"]),
        "departements": (levels.departments, ["nom"]),
        "communes": (levels.communes, ["nom", "contour_partage"]),
        "insets": (levels.insets.rename(columns={"region": "code"}), []),
        **{
            f"communes-{region}": (frame, ["nom", "contour_partage"])
            for region, frame in levels.communes_by_region.items()
        },
    }
    built = {}
    for name, (frame, properties) in layers.items():
        payload = feature_collection(frame, properties)
        compressed = gzip_bytes(payload)
        (staging / f"{name}.geojson").write_bytes(payload)
        (staging / f"{name}.geojson.gz").write_bytes(compressed)
        frame.to_parquet(staging / f"{name}.parquet")
        built[name] = BuiltLevel(
            name=name,
            geojson=f"{name}.geojson",
            geojson_gz=f"{name}.geojson.gz",
            geoparquet=f"{name}.parquet",
            sha256=_sha256(payload),
            features=len(frame),
            bytes=len(payload),
            gzip_bytes=len(compressed),
            vertices=vertex_count(frame),
        )
    (staging / "levels.json").write_text(
        json.dumps({name: asdict(level) for name, level in built.items()}), encoding="utf-8"
    )


def _write_tables(staging: Path, reference: Reference, levels: Levels) -> None:
    reference.communes.to_parquet(staging / "reference_communes.parquet")
    reference.parts.to_parquet(staging / "reference_parts.parquet")
    territory_table(levels, reference).to_parquet(staging / "territories.parquet")


def _write_partial_manifest(
    staging: Path, checks: dict[str, float], reconciliation: ReconciliationReport
) -> None:
    summary = {
        "contours": reconciliation.contours,
        "current_communes": reconciliation.current_communes,
        "matched": reconciliation.matched,
        "dissolved_into": len(reconciliation.dissolved),
        "shared_outline": len(reconciliation.shared),
        "unmatched_contours": len(reconciliation.unmatched_contours),
        "without_outline": len(reconciliation.without_outline),
    }
    (staging / "checks.json").write_text(
        json.dumps({"checks": checks, "reconciliation": summary}), encoding="utf-8"
    )
    (staging / "report.txt").write_text("\n".join(reconciliation.lines()) + "\n", encoding="utf-8")


def _finish_manifest(staging: Path, key: str, origin: str, seconds: float) -> None:
    levels = json.loads((staging / "levels.json").read_text(encoding="utf-8"))
    checks = json.loads((staging / "checks.json").read_text(encoding="utf-8"))
    files = {
        path.name: _sha256(path.read_bytes())
        for path in sorted(staging.iterdir())
        if path.is_file() and path.name != MANIFEST
    }
    provenance = FRANCE_GEOJSON.provenance
    manifest = {
        "build_key": key,
        "code_version": CODE_VERSION,
        "origin": origin,
        "attribution": provenance.attribution,
        "licence": provenance.licence,
        "source_version": provenance.version,
        "levels": levels,
        "files": files,
        "checks": checks["checks"],
        "reconciliation": checks["reconciliation"],
        "build_seconds": round(seconds, 2),
    }
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
