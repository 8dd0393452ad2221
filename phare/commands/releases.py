"""``python -m phare releases [--set-current ID]``: list imported releases, or roll back."""

from __future__ import annotations

import argparse

from phare.releases import ReleaseManifest, list_releases, set_current
from phare.settings import load_settings

NAME = "releases"


def add_parser(subparsers: argparse._SubParsersAction) -> str:
    parser = subparsers.add_parser(
        NAME,
        help="list the imported releases (* marks the current one), or make one current",
        description="List the releases of PHARE_DATA_DIR, oldest import first.",
    )
    parser.add_argument(
        "--set-current",
        metavar="ID",
        help="make release ID current (rollback to an earlier import)",
    )
    return NAME


def run(args: argparse.Namespace) -> int:
    data_dir = load_settings().data_dir
    if args.set_current:
        manifest = set_current(data_dir, args.set_current)
        print(f"Release {manifest.release_id!r} is now current.")
    releases = list_releases(data_dir)
    if not releases:
        print(f"No release imported in {data_dir}.")
        return 0
    print(table(releases))
    return 0


def table(releases: list[ReleaseManifest]) -> str:
    """One line per release: current marker, id, import date, rows."""
    width = max(len("release"), *(len(release.release_id) for release in releases))
    lines = [f"  {'release':<{width}}  {'imported at (UTC)':<32}  {'rows':>8}"]
    lines += [
        f"{'*' if release.current else ' '} {release.release_id:<{width}}  "
        f"{release.imported_at:<32}  {release.rows:>8}"
        for release in releases
    ]
    return "\n".join(lines)
