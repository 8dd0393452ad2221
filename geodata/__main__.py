"""Command line: ``python -m geodata prepare`` builds (or checks) the geometry cache."""

from __future__ import annotations

import argparse
import sys

from geodata.cache import build
from phare.errors import PhareError
from phare.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geodata")
    commands = parser.add_subparsers(dest="command", required=True)
    prepare = commands.add_parser("prepare", help="fetch, verify, simplify and cache the contours")
    prepare.add_argument(
        "--force", action="store_true", help="rebuild even if the cache is current"
    )
    args = parser.parse_args(argv)
    settings = load_settings()
    try:
        manifest = build(
            settings.geodata_cache_dir,
            mirror=settings.geodata_mirror,
            download_dir=settings.download_dir,
            force=args.force,
        )
    except PhareError as error:
        print(f"geodata: {error}", file=sys.stderr)
        return 1
    print(f"geodata: cache {manifest.build_key} ready in {manifest.directory} ({manifest.origin})")
    for level in manifest.levels.values():
        print(
            f"  {level.name}: {level.features} features, {level.bytes:,} bytes, "
            f"overlap ratio {level.overlap_ratio:.1e}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
