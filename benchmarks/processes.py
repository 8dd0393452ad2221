"""gunicorn as the Procfile starts it, and what its processes cost, read from ``/proc``.

Memory per worker is PSS (``/proc/<pid>/smaps_rollup``): each page shared by several processes
counts for its share in each, so the PSS of the master and the workers add up to what the
server really holds. RSS is given beside it because it is what ``top`` and most PaaS dashboards
show: it counts a shared page in full in every process that maps it. A worker is a child of the
gunicorn master; both are found by their parent pid in ``/proc/<pid>/stat``.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from benchmarks.environment import Environment
from tests.local_server import procfile_server

T = TypeVar("T")

PROC = Path("/proc")
MIB = 1024 * 1024
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
IDLE_SHARE = 0.1  # a worker using less than this share of a core is done booting
IDLE_INTERVAL = 0.5  # seconds between two readings of the workers' CPU time
IDLE_CPU = IDLE_SHARE * IDLE_INTERVAL
BOOT_TIMEOUT = 180.0


@dataclass(frozen=True)
class Memory:
    """One process's memory, in bytes."""

    pss: int
    rss: int

    @property
    def pss_mib(self) -> float:
        return self.pss / MIB

    @property
    def rss_mib(self) -> float:
        return self.rss / MIB


@dataclass(frozen=True)
class Server:
    url: str
    process: subprocess.Popen
    log: Path

    @property
    def master(self) -> int:
        return self.process.pid


def parse_smaps_rollup(text: str) -> Memory:
    """PSS and RSS from the text of ``/proc/<pid>/smaps_rollup`` (its values are in kB)."""
    fields = {}
    for line in text.splitlines():
        name, _, value = line.partition(":")
        parts = value.split()
        if len(parts) == 2 and parts[1] == "kB":
            fields[name] = int(parts[0]) * 1024
    return Memory(pss=fields["Pss"], rss=fields["Rss"])


def stat_fields(text: str) -> list[str]:
    """The fields of ``/proc/<pid>/stat`` after the command name, which may hold spaces or
    parentheses: ``[0]`` is the state (field 3 in proc(5)), ``[1]`` the parent pid."""
    return text[text.rindex(")") + 2 :].split()


def parent_pid(text: str) -> int:
    return int(stat_fields(text)[1])


def cpu_seconds(text: str) -> float:
    """User + system CPU time of the process whose ``/proc/<pid>/stat`` is ``text``."""
    fields = stat_fields(text)
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def memory(pid: int, proc: Path = PROC) -> Memory:
    return parse_smaps_rollup((proc / str(pid) / "smaps_rollup").read_text())


def process_cpu(pid: int, proc: Path = PROC) -> float:
    return cpu_seconds((proc / str(pid) / "stat").read_text())


def children(pid: int, proc: Path = PROC) -> list[int]:
    """Pids whose parent is ``pid``, in increasing order (a process exiting meanwhile is left
    out)."""
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if parent_pid((entry / "stat").read_text()) == pid:
                found.append(int(entry.name))
        except (FileNotFoundError, ProcessLookupError):
            continue
    return sorted(found)


def memories(pids: Iterable[int], proc: Path = PROC) -> dict[int, Memory]:
    """Memory of each pid still alive."""
    return _of_living(pids, lambda pid: memory(pid, proc))


def cpu_times(pids: Iterable[int], proc: Path = PROC) -> dict[int, float]:
    """CPU seconds of each pid still alive."""
    return _of_living(pids, lambda pid: process_cpu(pid, proc))


def _of_living(pids: Iterable[int], read: Callable[[int], T]) -> dict[int, T]:
    """``read(pid)`` for each pid, leaving out those that exited meanwhile."""
    found = {}
    for pid in pids:
        try:
            found[pid] = read(pid)
        except (FileNotFoundError, ProcessLookupError):
            continue
    return found


def machine_cpu(proc: Path = PROC) -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, all cores together."""
    values = [int(value) for value in (proc / "stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    total = sum(values[:8])  # guest time is already counted in user time
    return (total - idle) / CLOCK_TICKS, total / CLOCK_TICKS


def wait_for_workers(master: int, timeout: float = BOOT_TIMEOUT) -> list[int]:
    """The workers once they are all booted: a worker is ready when it stops using the CPU
    (``/healthz`` answers as soon as the first one is, while gunicorn still forks the others)."""
    deadline = time.monotonic() + timeout
    before = cpu_times(children(master))
    while time.monotonic() < deadline:
        time.sleep(IDLE_INTERVAL)
        now = cpu_times(children(master))
        busy = [pid for pid, seconds in now.items() if seconds - before.get(pid, 0.0) > IDLE_CPU]
        if now and not busy and now.keys() == before.keys():
            return sorted(now)
        before = now
    return sorted(before)


def server_variables(env: Environment, workers: int | None) -> dict[str, str]:
    """The environment of ``make run`` on the run's private geometry cache; WEB_CONCURRENCY
    only when ``workers`` is given, so gunicorn.conf.py's default applies otherwise."""
    variables = {
        **os.environ,
        "PHARE_ENABLE_SIMULATED": "1",
        "PHARE_CACHE_DIR": str(env.settings.cache_dir),
    }
    variables.pop("WEB_CONCURRENCY", None)
    if workers is not None:
        variables["WEB_CONCURRENCY"] = str(workers)
    return variables


@contextmanager
def gunicorn(
    env: Environment, name: str, workers: int | None = None, extra: Sequence[str] = ()
) -> Iterator[Server]:
    """The Procfile's command (plus ``extra`` options) on a loopback port, once ``/healthz``
    answers; its error log goes to ``<workdir>/gunicorn-<name>.log``. Stopped on exit."""
    env.manifest  # noqa: B018  (builds the cache gunicorn reads)
    log = env.workdir / f"gunicorn-{name}.log"
    with procfile_server(server_variables(env, workers), log, extra) as (url, process):
        yield Server(url, process, log)
