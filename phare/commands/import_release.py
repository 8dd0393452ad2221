"""``python -m phare import FILE --release ID``: check a respondent file and publish it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from phare.catalogue import load_catalogue
from phare.errors import PhareError
from phare.releases import ReleaseManifest, current_release, import_release
from phare.settings import load_settings

NAME = "import"


def add_parser(subparsers: argparse._SubParsersAction) -> str:
    parser = subparsers.add_parser(
        NAME,
        help="check a respondent file (CSV, Parquet, XLSX) and make it the current release",
        description=(
            "Check FILE against the import format (phare/microdata_format.py), store it as "
            "release ID in PHARE_DATA_DIR and make it current. Nothing changes when the file "
            "is refused; earlier releases stay for rollback (`python -m phare releases`)."
        ),
    )
    parser.add_argument("file", type=Path, help="respondent file: .csv, .parquet or .xlsx")
    parser.add_argument(
        "--release",
        required=True,
        metavar="ID",
        help="new release id: a-z, 0-9, '.', '_', '-' (e.g. 2025-03-citoyens)",
    )
    return NAME


def run(args: argparse.Namespace) -> int:
    data_dir = load_settings().data_dir
    try:
        manifest = import_release(args.file, args.release, data_dir, load_catalogue())
    except PhareError as error:
        print(f"phare import: {error}", file=sys.stderr)
        print(_unchanged(data_dir), file=sys.stderr)
        return 1
    print(summary(manifest, data_dir))
    return 0


def summary(manifest: ReleaseManifest, data_dir: Path) -> str:
    lines = [
        f"Release {manifest.release_id!r} imported and made current.",
        f"  folder:  {data_dir / 'releases' / manifest.release_id}",
        f"  source:  {manifest.source_file} (SHA-256 {manifest.source_sha256})",
        f"  rows:    {manifest.rows}",
        f"  format:  schema version {manifest.schema_version}, COG {manifest.cog_vintage}",
        f"  date:    {manifest.imported_at}",
    ]
    if manifest.warnings:
        lines.append(f"Warnings ({len(manifest.warnings)}):")
        lines += [f"  - {warning}" for warning in manifest.warnings]
    return "\n".join(lines)


def _unchanged(data_dir: Path) -> str:
    try:
        current = current_release(data_dir)
    except PhareError:
        return "The current release is unchanged."
    if current is None:
        return "No release was made current (none had been imported before)."
    return f"The current release is unchanged: {current.release_id!r}."
