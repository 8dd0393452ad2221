"""Workers: memory per gunicorn worker once warm, as the Procfile runs it (preloaded, the
loaded objects frozen out of the collector) and without preload (the naive alternative).

The project's rule: no preload unless memory per worker measures over 300 MB. Without it each
worker loads the data after the fork; with it the master loads the data once and the workers
share its pages until they write to them (``gc.freeze()`` keeps the collector from writing to
them). Both are measured in the same run, each on a fresh gunicorn of ``WORKERS`` workers warmed
by concurrent visits (the Carte, filter changes, the regions and one region's communes), so the
decision rests on figures of this machine and this data. The naive run reads the Procfile's
``gunicorn.conf.py`` and turns ``preload_app`` off in a config file of its own.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import Figure, benchmark
from benchmarks.data import ACTOR
from benchmarks.environment import Environment
from benchmarks.processes import MIB, Memory, children, gunicorn, memories, memory, wait_for_workers
from benchmarks.readers import Budget, Plan, router_body, warm_up
from benchmarks.server import callback_body, carte_callback_key
from phare.settings import PROJECT_ROOT

WORKERS = 2
VISITORS = 3  # per worker, at once
CHANGES = 3  # filter changes per visitor
COMMUNES = "communes-28"  # one region's communes (Normandie)
RULE_MB = 300  # --preload only above this memory per worker (MB, 10^6 bytes)
PROCFILE = "Procfile (preload + gc.freeze)"
NAIVE = "naive: no preload"


@dataclass(frozen=True)
class Measured:
    workers: list[Memory]
    master: Memory
    boot_seconds: float

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(worker, attribute) for worker in self.workers)

    def largest(self, attribute: str) -> float:
        return max(getattr(worker, attribute) for worker in self.workers)

    @property
    def total_pss(self) -> int:
        return self.master.pss + sum(worker.pss for worker in self.workers)


def measure(env: Environment, name: str, extra: Sequence[str]) -> Measured:
    """Start gunicorn, wait for its workers, warm them, read their memory."""
    router = router_body(env)
    template = callback_body(env, carte_callback_key(env), ACTOR)
    geometries = (env.context.geometry_url("regions"), env.context.geometry_url(COMMUNES))
    started = time.perf_counter()
    with gunicorn(env, name, workers=WORKERS, extra=extra) as server:
        wait_for_workers(server.master)
        boot = time.perf_counter() - started
        plan = Plan(server.url, router, template, geometries[0], Budget(10**6))
        failures = warm_up(plan, VISITORS * WORKERS, CHANGES, geometries[1:])
        if failures:
            raise RuntimeError(f"warm-up: {failures[0]}")
        workers = memories(children(server.master))
        return Measured(list(workers.values()), memory(server.master), boot)


def variant_rows(label: str, measured: Measured) -> list[Figure]:
    count = len(measured.workers)
    warmed = f"{count} workers warmed by {VISITORS * count} visits at once"
    return [
        Figure(
            f"workers · {label} · PSS per worker",
            measured.median("pss") / MIB,
            "MiB",
            f"median; max {measured.largest('pss') / MIB:.0f} MiB; {warmed}",
        ),
        Figure(
            f"workers · {label} · RSS per worker",
            measured.median("rss") / MIB,
            "MiB",
            f"median; max {measured.largest('rss') / MIB:.0f} MiB (shared pages counted in each)",
        ),
        Figure(
            f"workers · {label} · total PSS",
            measured.total_pss / MIB,
            "MiB",
            f"master {measured.master.pss / MIB:.0f} MiB + workers: what the server holds",
        ),
        Figure(
            f"workers · {label} · start-up",
            measured.boot_seconds,
            "s",
            "Procfile command → every worker booted (CPU idle)",
        ),
    ]


def rule_row(plain: Measured, preloaded: Measured) -> Figure:
    """The project's rule, read on the figures without preload."""
    largest = plain.largest("pss") / 1e6
    saved = (plain.total_pss - preloaded.total_pss) / MIB
    verdict = "preload indicated" if largest > RULE_MB else "preload not needed"
    note = (
        f"rule: preload only above {RULE_MB} MB per worker; largest worker {largest:.0f} MB "
        f"PSS without it; preload saves {saved:.0f} MiB in all with {len(plain.workers)} workers"
    )
    return Figure("workers · preload rule", verdict, "", note)


def naive_config(env: Environment) -> Path:
    """A gunicorn config file: the project's, with ``preload_app`` off."""
    path = env.workdir / "gunicorn-no-preload.conf.py"
    source = PROJECT_ROOT / "gunicorn.conf.py"
    path.write_text(
        f"exec(compile(open({str(source)!r}).read(), {str(source)!r}, 'exec'))\n"
        "preload_app = False\n",
        encoding="utf-8",
    )
    return path


@benchmark
def memory_per_worker(env: Environment) -> list[Figure]:
    preloaded = measure(env, "workers-procfile", ())
    plain = measure(env, "workers-naive", ("--config", str(naive_config(env))))
    rows = [*variant_rows(PROCFILE, preloaded), *variant_rows(NAIVE, plain)]
    return [*rows, rule_row(plain, preloaded)]
