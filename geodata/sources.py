"""Where the geographic files come from, and how each one is verified before use.

Two pinned source sets: the france-geojson contours (``registry.csv``, built from the mirror's
MANIFEST.csv) and the COG reference table of @etalab/decoupage-administratif
(``cog_registry.csv``). A file is read from a local mirror folder when one is given (offline
machines, CI) or downloaded with pooch from the pinned URL; either way it is checked against
its SHA-256 before anything reads it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pooch

from phare.errors import ChecksumMismatch, GeodataUnavailable

HERE = Path(__file__).resolve().parent
COMMIT = "5d34ee6d0140c29f785fdb047d9329f1aab58833"


@dataclass(frozen=True)
class Provenance:
    """Where a set of files comes from; shown in the footer and carried by every export."""

    producer: str
    title: str
    url: str
    version: str
    licence: str
    attribution: str


@dataclass(frozen=True)
class RegisteredFile:
    local_path: str
    upstream_path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class SourceSet:
    """A pinned set of files: registry of hashes, download URL, mirror setting, provenance."""

    name: str
    registry: Path
    base_url: str
    mirror_setting: str
    provenance: Provenance

    def files(self) -> dict[str, RegisteredFile]:
        return read_registry(self.registry)


FRANCE_GEOJSON = SourceSet(
    name="france-geojson",
    registry=HERE / "registry.csv",
    base_url=f"https://raw.githubusercontent.com/gregoiredavid/france-geojson/{COMMIT}/",
    mirror_setting="PHARE_GEODATA_MIRROR",
    provenance=Provenance(
        producer="IGN (ADMIN EXPRESS-COG 2018) and INSEE (COG 2018), via france-geojson",
        title="france-geojson",
        url="https://github.com/gregoiredavid/france-geojson",
        version=COMMIT,
        licence="Licence Ouverte / Open Licence (Etalab)",
        attribution="Contours : IGN – ADMIN EXPRESS COG 2018, via france-geojson (Licence Ouverte)",
    ),
)

COG = SourceSet(
    name="decoupage-administratif",
    registry=HERE / "cog_registry.csv",
    base_url="https://cdn.jsdelivr.net/npm/@etalab/decoupage-administratif@6.0.0/",
    mirror_setting="PHARE_COG_MIRROR",
    provenance=Provenance(
        producer="INSEE (COG, populations légales) and DGCL, via @etalab/decoupage-administratif",
        title="@etalab/decoupage-administratif",
        url="https://github.com/etalab/decoupage-administratif",
        version="6.0.0",
        licence="Licence Ouverte / Open Licence (Etalab) for the data, MIT for the code",
        attribution=(
            "Référentiel des communes : INSEE COG, via @etalab/decoupage-administratif 6.0.0"
        ),
    ),
)


def read_registry(path: Path) -> dict[str, RegisteredFile]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["local_path"]: RegisteredFile(
                row["local_path"], row["upstream_path"], row["sha256"], int(row["bytes"])
            )
            for row in csv.DictReader(handle)
        }


def fetch(
    source: SourceSet,
    entry: RegisteredFile,
    *,
    mirror: Path | None,
    download_dir: Path,
    base_url: str | None = None,
) -> Path:
    """Path of a verified copy of ``entry``: from ``mirror`` when given, else downloaded."""
    if mirror is not None:
        return _from_mirror(source, entry, mirror)
    return _download(source, entry, download_dir / source.name, base_url or source.base_url)


def _from_mirror(source: SourceSet, entry: RegisteredFile, mirror: Path) -> Path:
    if not mirror.is_dir():
        raise GeodataUnavailable(
            f"the mirror folder {mirror} ({source.mirror_setting}) does not exist: point "
            f"{source.mirror_setting} at a folder holding the {source.name} files, "
            "or unset it to download them."
        )
    path = mirror / entry.local_path
    if not path.is_file():
        raise GeodataUnavailable(
            f"{entry.local_path} is not in the mirror folder {mirror} ({source.mirror_setting}): "
            f"point it at a {source.name} mirror holding the files of "
            f"{source.registry.name}, or unset it to download the files."
        )
    actual = pooch.file_hash(str(path), alg="sha256")
    if actual != entry.sha256:
        raise ChecksumMismatch(entry.local_path, str(path), entry.sha256, actual)
    return path


def _download(source: SourceSet, entry: RegisteredFile, directory: Path, base_url: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    url = base_url + entry.upstream_path
    try:
        return Path(
            pooch.retrieve(
                url=url,
                known_hash=f"sha256:{entry.sha256}",
                fname=entry.local_path.replace("/", "__"),
                path=directory,
                progressbar=False,
            )
        )
    except ValueError as error:
        if "hash" in str(error).lower():
            raise ChecksumMismatch(entry.local_path, url, entry.sha256, _hash_in(error)) from error
        raise
    except OSError as error:
        raise GeodataUnavailable(
            f"{entry.local_path} could not be downloaded from {url} ({error}). "
            f"Offline? Set {source.mirror_setting} to a local mirror folder."
        ) from error


def _hash_in(error: ValueError) -> str:
    """The actual hash pooch reports in its mismatch message (it does not expose it otherwise)."""
    words = [word.strip(".,'\"()") for word in str(error).split()]
    candidates = [word.split(":")[-1] for word in words if len(word.split(":")[-1]) == 64]
    return candidates[-1] if len(candidates) > 1 else "unknown"
