"""``python -m benchmarks [MODULE ...] [--only TEXT] [--json PATH]``: run, print, write the JSON.

``python -m benchmarks browser`` runs the benchmarks of ``benchmarks/browser.py`` only; a name
may also be one benchmark's full name (``server.callback_time``).

The exit status is 1 when a row is an error (a benchmark raised or a request failed), so a
broken harness is noticed; the figures themselves are never compared with anything.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
import tempfile
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import ERROR, MODULES, REGISTRY, Benchmark, Figure, render_table, run_all
from benchmarks.environment import Environment

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "names",
        metavar="MODULE",
        nargs="*",
        help="run only these modules' benchmarks (browser, server…) or these benchmarks",
    )
    parser.add_argument(
        "--only",
        metavar="TEXT",
        default="",
        help="run the benchmarks whose name contains TEXT (any case)",
    )
    parser.add_argument(
        "--json", metavar="PATH", type=Path, default=RESULTS, help=f"default: {RESULTS}"
    )
    return parser.parse_args(argv)


def selected(only: str, names: list[str] | None = None) -> list[Benchmark]:
    wanted = {name.split(".")[0] for name in names or []}
    for module in MODULES:
        if not wanted or module.rsplit(".", 1)[-1] in wanted:
            importlib.import_module(module)
    return [
        entry
        for entry in REGISTRY
        if only.lower() in entry.name.lower()
        and (not names or entry.name in names or entry.name.split(".")[0] in names)
    ]


def write_json(rows: list[Figure], benchmarks: list[Benchmark], path: Path) -> None:
    document = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.platform(),
        "benchmarks": [entry.name for entry in benchmarks],
        "rows": [asdict(row) for row in rows],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    benchmarks = selected(arguments.only, arguments.names)
    if not benchmarks:
        modules = [module.rsplit(".", 1)[-1] for module in MODULES]
        names = ", ".join([entry.name for entry in REGISTRY] or modules)
        asked = " ".join([*arguments.names, arguments.only]).strip()
        print(f"no benchmark matches {asked!r}; known: {names}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="phare-bench-") as workdir:
        rows = run_all(Environment(Path(workdir)), benchmarks)
    print(render_table(rows))
    write_json(rows, benchmarks, arguments.json)
    print(f"\nwritten to {arguments.json}")
    return 1 if any(row.value == ERROR for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
