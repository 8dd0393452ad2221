"""Geometry: how long the cache takes to build, and how heavy the regions file is on the wire."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from benchmarks import Figure, benchmark, median, runs_note, timed
from benchmarks.environment import Environment

BUILD_RUNS = 3
GZIP_LEVEL = 6


@benchmark
def build_time(env: Environment) -> list[Figure]:
    with tempfile.TemporaryDirectory(dir=env.workdir) as folder:
        cache_dir = Path(folder)
        times = timed(lambda: env.build_geometry(cache_dir, force=True), runs=BUILD_RUNS)
    note = runs_note(times, extra=f"build(force=True) from {env.origin}, hashes checked")
    return [Figure("geometry build", median(times), "s", note)]


@benchmark
def regions_size(env: Environment) -> list[Figure]:
    payload = env.manifest.path_of("regions").read_bytes()
    level = env.manifest.levels["regions"]
    note = f"{level.features} features, tolerance {level.tolerance}, {level.decimals} decimals"
    return [
        Figure("regions.geojson size", len(payload), "bytes", note),
        Figure(
            "regions.geojson gzip size",
            len(gzip.compress(payload, compresslevel=GZIP_LEVEL)),
            "bytes",
            f"gzip level {GZIP_LEVEL}",
        ),
    ]
