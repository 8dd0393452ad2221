"""Where the contour files come from, and how each one is verified before use.

The registry (``registry.csv``, built from the mirror's MANIFEST.csv) pins every file of
france-geojson at one commit with its SHA-256. A file is read from a local mirror folder when
one is given (offline machines, CI) or downloaded with pooch from the pinned URL; either way it
is checked against its hash before anything reads it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pooch

from phare.errors import ChecksumMismatch, GeodataUnavailable

REGISTRY = Path(__file__).resolve().parent / "registry.csv"
COMMIT = "5d34ee6d0140c29f785fdb047d9329f1aab58833"
BASE_URL = f"https://raw.githubusercontent.com/gregoiredavid/france-geojson/{COMMIT}/"


@dataclass(frozen=True)
class Provenance:
    """Where a set of contours comes from; shown in the footer and carried by every export."""

    producer: str
    title: str
    url: str
    version: str
    licence: str
    attribution: str


FRANCE_GEOJSON = Provenance(
    producer="IGN (ADMIN EXPRESS-COG 2018) and INSEE (COG 2018), via france-geojson",
    title="france-geojson",
    url="https://github.com/gregoiredavid/france-geojson",
    version=COMMIT,
    licence="Licence Ouverte / Open Licence (Etalab)",
    attribution="Contours : IGN – ADMIN EXPRESS COG 2018, via france-geojson (Licence Ouverte)",
)


@dataclass(frozen=True)
class ContourFile:
    local_path: str
    upstream_path: str
    sha256: str
    size: int


def read_registry(path: Path = REGISTRY) -> dict[str, ContourFile]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["local_path"]: ContourFile(
                row["local_path"], row["upstream_path"], row["sha256"], int(row["bytes"])
            )
            for row in csv.DictReader(handle)
        }


def fetch(
    entry: ContourFile,
    *,
    mirror: Path | None,
    download_dir: Path,
    base_url: str = BASE_URL,
) -> Path:
    """Path of a verified copy of ``entry``: from ``mirror`` when given, else downloaded."""
    if mirror is not None:
        return _from_mirror(entry, mirror)
    return _download(entry, download_dir, base_url)


def _from_mirror(entry: ContourFile, mirror: Path) -> Path:
    path = mirror / entry.local_path
    if not path.is_file():
        raise GeodataUnavailable(
            f"{entry.local_path} is not in the mirror folder {mirror} "
            "(PHARE_GEODATA_MIRROR): point it at a france-geojson mirror holding the files "
            "of MANIFEST.csv, "
            "or unset it to download the files."
        )
    actual = pooch.file_hash(str(path), alg="sha256")
    if actual != entry.sha256:
        raise ChecksumMismatch(entry.local_path, str(path), entry.sha256, actual)
    return path


def _download(entry: ContourFile, download_dir: Path, base_url: str) -> Path:
    download_dir.mkdir(parents=True, exist_ok=True)
    try:
        return Path(
            pooch.retrieve(
                url=base_url + entry.upstream_path,
                known_hash=f"sha256:{entry.sha256}",
                fname=entry.local_path.replace("/", "__"),
                path=download_dir,
                progressbar=False,
            )
        )
    except ValueError as error:
        if "hash" in str(error).lower():
            raise ChecksumMismatch(
                entry.local_path, base_url + entry.upstream_path, entry.sha256, _hash_in(error)
            ) from error
        raise
    except OSError as error:
        raise GeodataUnavailable(
            f"{entry.local_path} could not be downloaded from {base_url + entry.upstream_path} "
            f"({error}). Offline? Set PHARE_GEODATA_MIRROR to a local mirror folder."
        ) from error


def _hash_in(error: ValueError) -> str:
    """The actual hash pooch reports in its mismatch message (it does not expose it otherwise)."""
    words = [word.strip(".,'\"()") for word in str(error).split()]
    candidates = [word.split(":")[-1] for word in words if len(word.split(":")[-1]) == 64]
    return candidates[-1] if len(candidates) > 1 else "unknown"
