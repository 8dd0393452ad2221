"""Command line: ``python -m geodata build | check | lookup QUERY``."""

from __future__ import annotations

import argparse
import json
import sys

from geodata.cache import Mirrors, build, check, require_manifest
from geodata.lookups import Gazetteer
from phare.errors import PhareError
from phare.settings import Settings, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geodata")
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help="fetch, verify, reconcile, simplify, cache")
    build_command.add_argument("--force", action="store_true", help="rebuild even if current")
    commands.add_parser("check", help="verify the current cache against its manifest")
    lookup = commands.add_parser("lookup", help="find communes by name, code or postal code")
    lookup.add_argument("query")
    lookup.add_argument("--department", help="keep only this department (e.g. 31, 2A)")
    lookup.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    settings = load_settings()
    try:
        if args.command == "build":
            return _build(settings, args.force)
        if args.command == "check":
            return _check(settings)
        return _lookup(settings, args.query, args.department, args.json)
    except PhareError as error:
        print(f"geodata: {error}", file=sys.stderr)
        return 1


def _build(settings: Settings, force: bool) -> int:
    manifest, report = build(
        settings.geodata_cache_dir,
        mirrors=Mirrors(settings.geodata_mirror, settings.cog_mirror),
        download_dir=settings.download_dir,
        force=force,
    )
    print(f"geodata: cache {manifest.build_key} in {manifest.directory} ({manifest.origin})")
    for line in report:
        print(f"  {line}")
    for level in manifest.levels.values():
        if not level.name.startswith("communes-"):
            print(
                f"  {level.name}: {level.features} features, {level.vertices:,} vertices, "
                f"{level.bytes:,} bytes ({level.gzip_bytes:,} gzip)"
            )
    return 0


def _check(settings: Settings) -> int:
    problems = check(settings.geodata_cache_dir)
    for problem in problems:
        print(f"geodata check: {problem}", file=sys.stderr)
    if not problems:
        print("geodata check: every file matches the manifest")
    return 1 if problems else 0


def _lookup(settings: Settings, query: str, department: str | None, as_json: bool) -> int:
    gazetteer = Gazetteer.from_manifest(require_manifest(settings.geodata_cache_dir))
    matches = gazetteer.search(query, department=department)
    if as_json:
        print(json.dumps([match.as_dict() for match in matches], ensure_ascii=False, indent=2))
    else:
        for match in matches:
            print(match.describe())
    return 0 if matches else 1


if __name__ == "__main__":
    sys.exit(main())
