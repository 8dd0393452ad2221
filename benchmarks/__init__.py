"""Benchmarks: named figures measured on this machine, printed as one table, never asserted.

``python -m benchmarks`` (``make bench``) runs every registered benchmark, prints one table
(name | value | unit | note) and writes the same rows to ``benchmarks/results/latest.json``.
``python -m benchmarks --only callback`` runs only the benchmarks whose name contains
``callback``; ``python -m benchmarks browser`` only those of one module (the browser one starts
gunicorn and Debian's Chromium, and takes two to three minutes).

Adding a row: write a small function in one of the topic modules (``geometry``, ``data``,
``server``, or a new module listed in :data:`MODULES`), decorate it with :func:`benchmark` and
return one or more :class:`Figure` rows. It receives the shared
:class:`~benchmarks.environment.Environment` (a private geometry cache, the data context and the
one Dash app of the process), so it measures only what it is about::

    @benchmark
    def healthz_time(env: Environment) -> list[Figure]:
        client = env.client
        times = timed(lambda: client.get("/healthz").get_data(), runs=20)
        return [Figure("healthz p50", ms(median(times)), "ms", runs_note(times))]

The benchmark's name is ``<module>.<function>`` (``server.healthz_time``); ``--only`` matches it.
A benchmark that raises yields an ``error`` row instead of stopping the others.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benchmarks.environment import Environment

MODULES = (
    "benchmarks.geometry",
    "benchmarks.data",
    "benchmarks.server",
    "benchmarks.estimates",
    "benchmarks.images",
    "benchmarks.analysis",
    "benchmarks.browser",
    "benchmarks.analyse_browser",
    "benchmarks.workers",
)
ERROR = "error"


@dataclass(frozen=True)
class Figure:
    """One row of the table: a measured value, its unit, and how it was measured."""

    name: str
    value: float | int | str
    unit: str
    note: str = ""


BenchmarkFunction = Callable[["Environment"], Sequence[Figure]]


@dataclass(frozen=True)
class Benchmark:
    name: str
    function: BenchmarkFunction


REGISTRY: list[Benchmark] = []


def benchmark(function: BenchmarkFunction) -> BenchmarkFunction:
    """Register ``function`` under ``<module>.<function name>``, in definition order."""
    module = function.__module__.rsplit(".", 1)[-1]
    REGISTRY.append(Benchmark(f"{module}.{function.__name__}", function))
    return function


def error_row(name: str, reason: str) -> Figure:
    return Figure(name, ERROR, "", reason)


def timed(action: Callable[[], object], runs: int, warmup: int = 0) -> list[float]:
    """Wall-clock seconds of each of ``runs`` calls of ``action``, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        action()
    durations = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        durations.append(time.perf_counter() - start)
    return durations


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p90(values: Sequence[float]) -> float:
    """90th percentile (inclusive method: stays within the observed range)."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def ms(seconds: float) -> float:
    return seconds * 1000


def runs_note(
    durations: Sequence[float], warmup: int = 0, extra: str = "", stat: str = "median"
) -> str:
    note = f"{stat} of {len(durations)} runs"
    if warmup:
        note += f" after {warmup} warm-up"
    return f"{note}; {extra}" if extra else note


def run_all(env: Environment, benchmarks: Sequence[Benchmark]) -> list[Figure]:
    """Every benchmark's rows, in order; one that raises gives an error row and the rest go on."""
    rows: list[Figure] = []
    for entry in benchmarks:
        try:
            rows.extend(entry.function(env))
        except Exception as problem:
            rows.append(error_row(entry.name, f"{type(problem).__name__}: {problem}"))
    return rows


def format_value(value: float | int | str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return f"{value:,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.3f}"


def render_table(rows: Sequence[Figure]) -> str:
    """The rows as a plain-text table; values right-aligned, everything else left-aligned."""
    header = ("name", "value", "unit", "note")
    cells = [(row.name, format_value(row.value), row.unit, row.note) for row in rows]
    widths = [max(len(line[column]) for line in [header, *cells]) for column in range(4)]

    def line(name: str, value: str, unit: str, note: str) -> str:
        parts = (name.ljust(widths[0]), value.rjust(widths[1]), unit.ljust(widths[2]), note)
        return " | ".join(parts).rstrip()

    rule = "-+-".join("-" * width for width in widths)
    return "\n".join([line(*header), rule, *(line(*cell) for cell in cells)])
