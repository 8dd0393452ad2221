"""The load run's report: its figures and the issue's targets, pure functions of a :class:`Run`.

:mod:`benchmarks.load` measures; this module only reads what was measured, so the tests build a
``Run`` by hand and check the rows to the value.
"""

from __future__ import annotations

import argparse
import os
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks import Figure
from benchmarks.processes import Memory
from benchmarks.readers import FILTER, PAGE_STEPS, THINK, PageLoad, Request

TARGET_P95_MS = 300.0
TARGET_GROWTH = 10.0  # % of a worker's PSS over the run, after the warm-up
ARRIVAL = 5.0  # readers arrive spread over the run's first seconds, not all at once
KILL_WINDOW = 15.0  # seconds from the kill during which errors are counted apart
SHOWN_REASONS = 3
SHOWN_IDLE = 8


@dataclass(frozen=True)
class Kill:
    pid: int
    at: float  # seconds since the run started
    respawned: int | None
    respawn_seconds: float | None
    window: float = KILL_WINDOW

    def overlaps(self, request: Request) -> bool:
        """Whether the request was in flight at some time of the kill window."""
        return request.start < self.at + self.window and request.start + request.seconds > self.at


@dataclass(frozen=True)
class Snapshot:
    """The clocks, CPU and memory at one instant of the run."""

    wall: float
    generator_cpu: float
    machine: tuple[float, float]
    workers: dict[int, Memory]
    master: Memory
    cpu: dict[int, float]
    load: float


@dataclass(frozen=True)
class Run:
    arguments: argparse.Namespace
    requests: list[Request]
    pages: list[PageLoad]
    kill: Kill | None
    start: Snapshot
    warm: Snapshot  # after the warm-up: the memory baseline of the growth target
    end: Snapshot
    bound_reached: bool
    log_problems: list[str]

    @property
    def seconds(self) -> float:
        return self.end.wall - self.start.wall

    def share(self, cpu_seconds: float) -> float:
        """CPU seconds over the run as % of one core."""
        return 100 * cpu_seconds / self.seconds


# Pure figures


def percentile(values: Sequence[float], percent: int) -> float:
    """The ``percent``-th percentile (inclusive method: within the observed range)."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def growth(start: Memory, end: Memory) -> float:
    """PSS growth in % of the start."""
    return 100 * (end.pss - start.pss) / start.pss


def split_by_window(
    requests: Sequence[Request], kill: Kill | None
) -> tuple[list[Request], list[Request]]:
    """(outside the kill window, in it)."""
    outside: list[Request] = []
    inside: list[Request] = []
    for request in requests:
        (inside if kill is not None and kill.overlaps(request) else outside).append(request)
    return outside, inside


def reasons_note(failed: Sequence[Request]) -> str:
    counts = Counter(request.error for request in failed).most_common(SHOWN_REASONS)
    return "; ".join(f"{count}× {error}" for error, count in counts)


def errors_note(failed: Sequence[Request]) -> str:
    """The reasons, then when each failure came and how long its connection had been idle
    (to compare with gunicorn.conf.py's keepalive)."""
    if not failed:
        return ""
    when = ", ".join(
        f"{request.start:.1f} s after {request.idle:.2f} s idle" for request in failed[:SHOWN_IDLE]
    )
    return f"{reasons_note(failed)}; at {when}"


def latency_ms(requests: Sequence[Request]) -> list[float]:
    return [1000 * request.seconds for request in requests if not request.error]


def survivors(run: Run) -> list[int]:
    """Workers that lived the whole run: there at the start, after the warm-up and at the end."""
    return sorted(run.start.workers.keys() & run.warm.workers.keys() & run.end.workers.keys())


def max_growth(run: Run) -> float | None:
    """The largest PSS growth of a worker from the end of the warm-up to the end of the run."""
    grown = [growth(run.warm.workers[pid], run.end.workers[pid]) for pid in survivors(run)]
    return max(grown) if grown else None


def max_warmup_growth(run: Run) -> float | None:
    grown = [growth(run.start.workers[pid], run.warm.workers[pid]) for pid in survivors(run)]
    return max(grown) if grown else None


def filter_p95(run: Run) -> float | None:
    times = latency_ms([request for request in run.requests if request.kind == FILTER])
    return percentile(times, 95) if times else None


def errors_outside(run: Run) -> int:
    outside, _ = split_by_window(run.requests, run.kill)
    return sum(1 for request in outside if request.error)


def targets(run: Run) -> list[tuple[str, bool, str]]:
    """(target, met, measured) for each target of the issue."""
    p95, grown, errors = filter_p95(run), max_growth(run), errors_outside(run)
    return [
        (
            f"filter change p95 < {TARGET_P95_MS:.0f} ms",
            p95 is not None and p95 < TARGET_P95_MS,
            "no filter change" if p95 is None else f"{p95:.0f} ms",
        ),
        ("0 errors (outside the kill window)", errors == 0, f"{errors} errors"),
        (
            f"worker memory growth < {TARGET_GROWTH:.0f} %",
            grown is not None and grown < TARGET_GROWTH,
            "no worker lived the whole run"
            if grown is None
            else f"{grown:+.1f} % PSS (max, after the warm-up)",
        ),
    ]


# Report rows


def summary_rows(run: Run) -> list[Figure]:
    arguments = run.arguments
    pages = [request for request in run.requests if request.kind in PAGE_STEPS]
    changes = len(run.requests) - len(pages)
    bound = "; the request bound was reached" if run.bound_reached else ""
    return [
        Figure(
            "readers",
            arguments.readers,
            "",
            f"page load, then a filter change every {THINK[0]:.0f}–{THINK[1]:.0f} s; "
            f"arrivals over the first {ARRIVAL:.0f} s; seed {arguments.seed}",
        ),
        Figure(
            "duration",
            run.seconds,
            "s",
            f"{arguments.warmup:.0f} s warm-up + {arguments.duration:.0f} s; bounds "
            f"{arguments.max_requests:,} requests{bound}",
        ),
        Figure(
            "gunicorn workers",
            len(run.start.workers),
            "",
            "gthread, as the Procfile starts it (WEB_CONCURRENCY unset); warmed before the run",
        ),
        Figure(
            "requests",
            len(run.requests),
            "",
            f"{len(run.pages)} page loads ({len(pages)} requests), {changes} filter changes",
        ),
        Figure("throughput", len(run.requests) / run.seconds, "req/s", "all requests"),
    ]


def latency_rows(run: Run) -> list[Figure]:
    changes = [request for request in run.requests if request.kind == FILTER]
    times = latency_ms(changes)
    if not times:
        return [Figure("filter change", "n/a", "", "no filter change succeeded")]
    note = f"client wall time, POST → body read; {len(times)} changes"
    rows = [
        Figure(f"filter change p{percent}", percentile(times, percent), "ms", note)
        for percent in (50, 95, 99)
    ]
    _, inside = split_by_window(changes, run.kill)
    if latency_ms(inside):
        rows.append(
            Figure(
                "filter change p95, kill window",
                percentile(latency_ms(inside), 95),
                "ms",
                f"{len(latency_ms(inside))} changes in the {KILL_WINDOW:.0f} s after the kill",
            )
        )
    return [*rows, by_filter_row(changes), *page_rows(run)]


def by_filter_row(changes: Sequence[Request]) -> Figure:
    """p95 of the changes of each filter: which one is slow, when one is."""
    by_filter: dict[str, list[float]] = {}
    for request in changes:
        if not request.error:
            by_filter.setdefault(request.detail, []).append(1000 * request.seconds)
    p95 = {name: percentile(times, 95) for name, times in by_filter.items()}
    ranked = sorted(p95, key=p95.__getitem__, reverse=True)
    note = ", ".join(f"{name} {p95[name]:.0f} ({len(by_filter[name])})" for name in ranked)
    return Figure("filter change p95, slowest filter", p95[ranked[0]], "ms", f"ms (n): {note}")


def page_rows(run: Run) -> list[Figure]:
    times = [1000 * page.seconds for page in run.pages if page.ok]
    if not times:
        return [Figure("page load", "n/a", "", "no page load succeeded")]
    note = f"{' → '.join(PAGE_STEPS)}, in sequence; {len(times)} loads"
    return [
        Figure(f"page load p{percent}", percentile(times, percent), "ms", note)
        for percent in (50, 95)
    ]


def error_rows(run: Run) -> list[Figure]:
    outside, inside = split_by_window(run.requests, run.kill)
    failed = [request for request in outside if request.error]
    rows = [Figure("errors outside the kill window", len(failed), "", errors_note(failed))]
    if run.kill is None:
        return rows
    kill = run.kill
    failed = [request for request in inside if request.error]
    answered = len(inside) - len(failed)
    note = f"{answered} requests answered in the window ({answered / kill.window:.1f}/s)"
    note = "; ".join(part for part in (note, errors_note(failed)) if part)
    rows.append(Figure("errors in the kill window", len(failed), "", note))
    respawn = (
        f"gunicorn forked pid {kill.respawned} {kill.respawn_seconds:.2f} s later"
        if kill.respawned
        else "no new worker seen in the window"
    )
    rows.append(Figure("worker killed (SIGKILL)", kill.at, "s", f"pid {kill.pid}; {respawn}"))
    return rows


def memory_rows(run: Run) -> list[Figure]:
    start, warm, end = run.start.workers, run.warm.workers, run.end.workers
    rows = []
    for pid in survivors(run):
        before, warmed, after = start[pid], warm[pid], end[pid]
        note = (
            f"start {before.pss_mib:.0f} → warm {warmed.pss_mib:.0f} → end {after.pss_mib:.0f} "
            f"MiB ({growth(warmed, after):+.1f} % after the warm-up); RSS {before.rss_mib:.0f} "
            f"→ {after.rss_mib:.0f} MiB"
        )
        rows.append(Figure(f"memory · worker {pid} · PSS", after.pss_mib, "MiB", note))
    killed = run.kill.pid if run.kill else None
    for pid in sorted(end.keys() - start.keys()):
        note = f"respawned during the run; RSS {end[pid].rss_mib:.0f} MiB at the end"
        rows.append(Figure(f"memory · new worker {pid} · PSS", end[pid].pss_mib, "MiB", note))
    for pid in sorted(start.keys() - end.keys() - {killed}):
        rows.append(Figure(f"memory · worker {pid}", "replaced", "", "by gunicorn (max_requests)"))
    master = run.end.master
    rows.append(Figure("memory · master · PSS", master.pss_mib, "MiB", f"RSS {master.rss_mib:.0f}"))
    warmup, grown = max_warmup_growth(run), max_growth(run)
    seconds = run.warm.wall - run.start.wall
    if warmup is not None:
        note = f"PSS, first {seconds:.0f} s at full load: caches fill, shared pages get copied"
        rows.append(Figure("memory growth, warm-up, max", warmup, "%", note))
    if grown is not None:
        note = "PSS, workers that lived the whole run, from the warm-up's end to the run's"
        rows.append(Figure("memory growth, max", grown, "%", note))
    return rows


def cpu_rows(run: Run) -> list[Figure]:
    start, end = run.start, run.end
    server = sum(seconds - start.cpu.get(pid, 0.0) for pid, seconds in end.cpu.items())
    busy = end.machine[0] - start.machine[0]
    total = end.machine[1] - start.machine[1]
    generator = end.generator_cpu - start.generator_cpu
    others = busy - server - generator
    return [
        Figure(
            "CPU · load generator",
            run.share(generator),
            "% core",
            f"process_time / wall over the run, {run.arguments.readers} reader threads",
        ),
        Figure(
            "CPU · gunicorn",
            run.share(server),
            "% core",
            "master and the workers alive at the end (not the killed one's share)",
        ),
        Figure(
            "CPU · machine",
            100 * busy / total,
            "% all",
            f"{os.cpu_count()} cores; other processes {run.share(others):.0f} % of a core; "
            f"load average {start.load:.2f} before, {end.load:.2f} after",
        ),
    ]


def target_rows(run: Run) -> list[Figure]:
    rows = [
        Figure(f"target · {target}", "met" if met else "MISSED", "", measured)
        for target, met, measured in targets(run)
    ]
    problems = run.log_problems
    rows.append(
        Figure("gunicorn log problems", len(problems), "", problems[0][:160] if problems else "")
    )
    return rows


def report_rows(run: Run) -> list[Figure]:
    return [
        *summary_rows(run),
        *latency_rows(run),
        *error_rows(run),
        *memory_rows(run),
        *cpu_rows(run),
        *target_rows(run),
    ]


def missed(run: Run) -> list[str]:
    return [f"{target}: {measured}" for target, met, measured in targets(run) if not met]
