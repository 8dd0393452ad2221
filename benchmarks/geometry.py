"""Geometry: the full cache build (time and peak memory) and what each level weighs."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import Figure, benchmark
from benchmarks.environment import Environment
from phare.settings import PROJECT_ROOT

MAIN_LEVELS = ("regions", "departements", "communes", "insets")


@benchmark
def build_time(env: Environment) -> list[Figure]:
    """One full build, reconciliation included, in a child process (its peak memory is its own)."""
    with tempfile.TemporaryDirectory(dir=env.workdir) as folder:
        environ = {**os.environ, "PHARE_CACHE_DIR": str(Path(folder))}
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "geodata", "build", "--force"],
            cwd=PROJECT_ROOT,
            env=environ,
            check=True,
            capture_output=True,
        )
        seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    note = f"python -m geodata build --force from {env.origin}, one run"
    return [
        Figure("geometry build", round(seconds, 1), "s", note),
        Figure(
            "geometry build peak memory", round(peak_mib), "MiB", "max RSS of the build process"
        ),
    ]


@benchmark
def level_sizes(env: Environment) -> list[Figure]:
    levels = env.manifest.levels
    rows = []
    for name in MAIN_LEVELS:
        level = levels[name]
        note = f"{level.features} features, {level.vertices:,} vertices"
        rows += [
            Figure(f"{name}.geojson size", level.bytes, "bytes", note),
            Figure(f"{name}.geojson gzip size", level.gzip_bytes, "bytes", "gzip -9, as served"),
        ]
    regional = {name: level for name, level in levels.items() if name.startswith("communes-")}
    largest = max(regional.values(), key=lambda level: level.gzip_bytes)
    rows += [
        Figure(
            "region commune layer gzip, largest",
            largest.gzip_bytes,
            "bytes",
            f"{largest.name}: {largest.features} features, {largest.vertices:,} vertices",
        ),
        Figure(
            "region commune layer gzip, median",
            int(statistics.median(level.gzip_bytes for level in regional.values())),
            "bytes",
            f"{len(regional)} regions",
        ),
    ]
    return rows
