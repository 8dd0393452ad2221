"""``python -m benchmarks.load`` (``make load``): simulated readers of the Carte against gunicorn.

gunicorn starts as the Procfile says (its own worker count, ``WEB_CONCURRENCY`` unset) on a
private geometry cache. Every worker is warmed first; then ``--readers`` readers (see
:mod:`benchmarks.readers`) load the page and change a filter every 2–5 s for ``--warmup`` then
``--duration`` seconds, and ``--kill-after`` seconds after the warm-up one worker is killed with
SIGKILL: gunicorn forks a new one, the others keep serving. The run stops itself at its end or
after ``--max-requests`` requests, whichever comes first.

The report: throughput, filter-change latency (client wall time), page loads, errors outside the
kill window and in it, memory per worker (PSS and RSS) at the start, after ``--warmup`` seconds
at full load and at the end, CPU of the load generator, of gunicorn and of the machine (other
processes share it), and the issue's targets. The memory target applies from the warm-up's end:
a preloaded worker's PSS grows by about 18 MiB in its first minute or two (the bounded caches of
map panels and formatted values fill, pages shared with the master get copied as they are
touched) and then holds, as a 300 s run shows; a leak would keep growing after it. Latencies
and errors count the warm-up too.
It is a measurement: the exit status is 0 even when a target is missed (the report says so), and
1 only when the run could not happen (gunicorn did not start).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import signal
import sys
import tempfile
import threading
import time
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import Figure, render_table
from benchmarks.data import ACTOR
from benchmarks.environment import Environment
from benchmarks.load_report import ARRIVAL, KILL_WINDOW, Kill, Run, Snapshot, missed, report_rows
from benchmarks.processes import (
    children,
    cpu_times,
    gunicorn,
    machine_cpu,
    memories,
    memory,
    wait_for_workers,
)
from benchmarks.readers import (
    PAGE_STEPS,
    REQUEST_TIMEOUT,
    THINK,
    Budget,
    Plan,
    Reader,
    router_body,
    warm_up,
)
from benchmarks.server import callback_body, carte_callback_key

RESULTS = Path(__file__).resolve().parent / "results" / "load.json"
RESPAWN_POLL = 0.05
WARMUP_CHANGES = 3
WARMUP_VISITORS = 3  # per worker
LOG_PROBLEM = re.compile(r"\[(ERROR|CRITICAL|WARNING)\]|Traceback|Exception on ")
LOG_PREFIX = re.compile(r"^\[[^\]]*\] \[\d+\] ")


def snapshot(master: int) -> Snapshot:
    """The clocks, the CPU and the memory of the generator, gunicorn and the machine, now."""
    workers = children(master)
    return Snapshot(
        wall=time.perf_counter(),
        generator_cpu=time.process_time(),
        machine=machine_cpu(),
        workers=memories(workers),
        master=memory(master),
        cpu=cpu_times([master, *workers]),
        load=os.getloadavg()[0],
    )


def log_problems(log: Path, kill: Kill | None) -> list[str]:
    """Distinct error and warning lines of gunicorn's log, but the expected one of the kill."""
    expected = f"(pid:{kill.pid}) was sent SIGKILL" if kill else None
    lines = log.read_text(errors="replace").splitlines()
    found = [LOG_PREFIX.sub("", line) for line in lines if LOG_PROBLEM.search(line)]
    return list(dict.fromkeys(line for line in found if not expected or expected not in line))


def wait_for_respawn(master: int, before: set[int], timeout: float) -> tuple[int | None, float]:
    """The worker gunicorn forks after a death, and how long it took to appear."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        new = set(children(master)) - before
        if new:
            return min(new), time.perf_counter() - started
        time.sleep(RESPAWN_POLL)
    return None, timeout


def kill_worker(master: int, plan: Plan, after: float) -> Kill | None:
    """At ``after`` seconds into the run, SIGKILL the first worker (unless the run is over)."""
    plan.stop.wait(max(0.0, plan.started + after - time.perf_counter()))
    workers = children(master)
    if not plan.active() or not workers:
        return None
    os.kill(workers[0], signal.SIGKILL)
    at = plan.now()
    respawned, seconds = wait_for_respawn(master, set(workers), KILL_WINDOW)
    return Kill(workers[0], at, respawned, seconds if respawned else None)


def drive(master: int, plan: Plan, arguments: argparse.Namespace) -> Run:
    """The readers' run: start snapshot, readers, the kill, the deadline, end snapshot."""
    arrivals = random.Random(arguments.seed)
    readers = [
        Reader(plan, seed=arguments.seed * 100_000 + index, arrival=arrivals.uniform(0, ARRIVAL))
        for index in range(arguments.readers)
    ]
    threads = [threading.Thread(target=reader.run, daemon=True) for reader in readers]
    start = snapshot(master)
    plan.started = start.wall
    plan.deadline = start.wall + arguments.warmup + arguments.duration
    for thread in threads:
        thread.start()
    plan.stop.wait(max(0.0, start.wall + arguments.warmup - time.perf_counter()))
    warm = snapshot(master)
    killed_at = arguments.warmup + arguments.kill_after
    kill = None if arguments.no_kill else kill_worker(master, plan, killed_at)
    plan.stop.wait(max(0.0, plan.deadline - time.perf_counter()))
    plan.stop.set()
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT + 5)
    end = snapshot(master)
    return Run(
        arguments,
        [request for reader in readers for request in reader.requests],
        [page for reader in readers for page in reader.pages],
        kill,
        start,
        warm,
        end,
        bound_reached=plan.budget.remaining <= 0,
        log_problems=[],
    )


def measure(arguments: argparse.Namespace) -> Run:
    with tempfile.TemporaryDirectory(prefix="phare-load-") as workdir:
        env = Environment(Path(workdir))
        router = router_body(env)
        template = callback_body(env, carte_callback_key(env), ACTOR)
        geometry = env.context.geometry_url("regions")
        with gunicorn(env, "load") as server:
            workers = wait_for_workers(server.master)
            warmup = Plan(server.url, router, template, geometry, Budget(10**6))
            failures = warm_up(warmup, WARMUP_VISITORS * len(workers), WARMUP_CHANGES)
            if failures:
                raise RuntimeError(f"the warm-up failed: {failures[0]}")
            wait_for_workers(server.master)
            plan = Plan(server.url, router, template, geometry, Budget(arguments.max_requests))
            run = drive(server.master, plan, arguments)
        return replace(run, log_problems=log_problems(server.log, run.kill))


def write_json(rows: list[Figure], run: Run, path: Path) -> None:
    document = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.platform(),
        "settings": vars(run.arguments) | {"json": str(run.arguments.json)},
        "targets_missed": missed(run),
        "gunicorn_log_problems": run.log_problems,
        "rows": [asdict(row) for row in rows],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__)
    parser.add_argument("--readers", type=int, default=50, help="simulated readers (50)")
    parser.add_argument(
        "--duration", type=float, default=120.0, help="seconds of load after the warm-up (120)"
    )
    parser.add_argument(
        "--kill-after",
        type=float,
        default=60.0,
        help="seconds after the warm-up before a worker is killed (60)",
    )
    parser.add_argument("--no-kill", action="store_true", help="kill no worker")
    parser.add_argument(
        "--warmup",
        type=float,
        default=60.0,
        help="seconds at full load before the run, its end the memory baseline (60)",
    )
    parser.add_argument("--seed", type=int, default=1, help="think times and choices (1)")
    parser.add_argument(
        "--max-requests",
        type=int,
        default=None,
        help="hard bound on requests (default: what the readers could send at 1 change / 2 s)",
    )
    parser.add_argument(
        "--json", metavar="PATH", type=Path, default=RESULTS, help=f"default: {RESULTS}"
    )
    arguments = parser.parse_args(argv)
    if arguments.warmup < 0 or arguments.kill_after >= arguments.duration:
        parser.error("--warmup must be positive and --kill-after shorter than --duration")
    if arguments.max_requests is None:
        seconds = arguments.warmup + arguments.duration
        per_reader = len(PAGE_STEPS) + int(seconds / THINK[0]) + 1
        arguments.max_requests = arguments.readers * per_reader
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        run = measure(arguments)
    except RuntimeError as problem:  # gunicorn did not start, or the data is unavailable
        print(f"the load run could not happen: {problem}", file=sys.stderr)
        return 1
    rows = report_rows(run)
    print(render_table(rows))
    failures = missed(run)
    print("\nall targets met" if not failures else "\nTARGET MISSED: " + "; ".join(failures))
    write_json(rows, run, arguments.json)
    print(f"\nwritten to {arguments.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
