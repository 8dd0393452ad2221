"""Survey releases imported by staff: one folder each, and a ``current`` pointer file.

Layout of the data folder (``PHARE_DATA_DIR``)::

    releases/<id>/microdata.parquet   the checked respondent file, typed
    releases/<id>/manifest.json       ids, checksums, row counts, source, import date, warnings
    current                           pointer file: the id of the current release
    .import.lock                      flock lock held during an import or ``set_current``
    imports.log                       one line per import or ``set_current``: when, who (the
                                      account), the release, the source file's SHA-256
    .import-<id>-<random>/            a release being built (temporary)

An import checks the file first (:func:`phare.microdata.read_microdata`), then builds the release
in a temporary folder inside the data folder (same filesystem), fsyncs the files and the folder,
renames it to ``releases/<id>``, and only then switches ``current``: ``current.tmp`` is written
and fsynced, ``os.replace``-d onto ``current`` and the folder is fsynced. A non-empty folder
cannot be replaced atomically, a file can: that is why the pointer is a file. Readers therefore
see either the previous release or the new one, never a mix. Previous releases stay, so a
rollback is :func:`set_current`.

After a crash, readers only ever look at ``releases/<id>`` folders holding a readable manifest
and at ``current``: a temporary folder or ``current.tmp`` left behind is ignored by them, and
the next import (under the lock) deletes it. A crash after the rename and before the pointer
switch leaves a complete release that is listed but not current; ``set_current`` publishes it.

Two imports at once: the second one fails at once with :class:`~phare.errors.ImportLocked`
rather than waiting. An import is a deliberate staff action; waiting would let a stale command
publish its file after a newer one, and a clear refusal is easy to retry.

Test hook: :func:`_fault_point` kills the process with SIGKILL at a named point when the
environment variable ``PHARE_TEST_FAULT_POINT`` holds that name (see :data:`FAULT_POINTS`); the
crash tests use it to check that every interrupted import leaves the data folder consistent.
It is read directly from the environment on purpose: it is not a setting.
"""

from __future__ import annotations

import fcntl
import getpass
import json
import logging
import os
import re
import secrets
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import pandas as pd

from phare.catalogue import Catalogue
from phare.errors import ImportLocked, InvalidReleaseId, ReleaseUnavailable
from phare.microdata import Microdata, read_microdata
from phare.microdata_format import SCHEMA_VERSION, TOP3_COLUMNS
from phare.release_identity import file_sha256

RELEASE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
# Commune codes are read against the reference table geodata builds from
# @etalab/decoupage-administratif 6.0.0 (named here by its package version, the one fact we
# hold about its COG edition). Imports check their form only; the vintage is recorded so that a
# later COG change can tell which releases need re-coding.
COG_VINTAGE = "decoupage-administratif 6.0.0"
RELEASES = "releases"
DATA_FILE = "microdata.parquet"
MANIFEST_FILE = "manifest.json"
POINTER = "current"
POINTER_TEMP = "current.tmp"
LOCK_FILE = ".import.lock"
IMPORT_LOG = "imports.log"
TEMP_PREFIX = ".import-"
FAULT_POINT_ENV = "PHARE_TEST_FAULT_POINT"
log = logging.getLogger(__name__)
FAULT_POINTS = (
    "after_validate",
    "after_data_write",
    "before_rename",
    "after_rename",
    "before_pointer_switch",
    "after_pointer_switch",
)


@dataclass(frozen=True)
class ReleaseFile:
    name: str
    sha256: str
    rows: int


@dataclass(frozen=True)
class ReleaseManifest:
    """What ``manifest.json`` records; ``current`` is not stored, it is read from the pointer."""

    release_id: str
    files: tuple[ReleaseFile, ...]
    schema_version: int
    cog_vintage: str
    source_file: str
    source_sha256: str
    imported_at: str
    warnings: tuple[str, ...]
    simulated: bool = False
    current: bool = False

    @property
    def rows(self) -> int:
        return sum(file.rows for file in self.files)

    def to_json(self) -> str:
        stored = asdict(self)
        del stored["current"]
        return json.dumps(stored, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ReleaseManifest:
        raw = json.loads(text)
        return cls(
            release_id=str(raw["release_id"]),
            files=tuple(
                ReleaseFile(str(item["name"]), str(item["sha256"]), int(item["rows"]))
                for item in raw["files"]
            ),
            schema_version=int(raw["schema_version"]),
            cog_vintage=str(raw["cog_vintage"]),
            source_file=str(raw["source_file"]),
            source_sha256=str(raw["source_sha256"]),
            imported_at=str(raw["imported_at"]),
            warnings=tuple(str(warning) for warning in raw["warnings"]),
            simulated=bool(raw.get("simulated", False)),
        )


def import_release(
    path: Path | str, release_id: str, data_dir: Path | str, catalogue: Catalogue
) -> ReleaseManifest:
    """Check a respondent file, store it as release ``release_id`` and make it current.

    Nothing is written when the file or the id is refused; the previous releases stay.
    """
    check_release_id(release_id)
    microdata = read_microdata(path, catalogue)
    _fault_point("after_validate")
    data_dir = Path(data_dir)
    with import_lock(data_dir):
        remove_unfinished(data_dir)
        final = release_dir(data_dir, release_id)
        if final.exists():
            raise InvalidReleaseId(
                f"release {release_id!r} already exists in {final.parent}: choose another id "
                "(releases are never overwritten; `python -m phare releases` lists them)"
            )
        staging = data_dir / f"{TEMP_PREFIX}{release_id}-{secrets.token_hex(4)}"
        staging.mkdir()
        manifest = _write_release(staging, microdata, release_id)
        _fault_point("before_rename")
        _publish(staging, final)
        _fault_point("after_rename")
        _switch_pointer(data_dir, release_id)
        _record(
            data_dir,
            f"import {release_id} from {manifest.source_file} "
            f"(SHA-256 {manifest.source_sha256}, {manifest.rows} rows)",
        )
    return replace(manifest, current=True)


def set_current(data_dir: Path | str, release_id: str) -> ReleaseManifest:
    """Make a complete release current (a rollback is this, with an earlier id)."""
    data_dir = Path(data_dir)
    with import_lock(data_dir):
        manifest = read_release_manifest(data_dir, release_id)
        _switch_pointer(data_dir, release_id)
        _record(data_dir, f"set_current {release_id}")
    return replace(manifest, current=True)


def list_releases(data_dir: Path | str) -> list[ReleaseManifest]:
    """Every complete release, oldest import first, the current one flagged."""
    data_dir = Path(data_dir)
    current_id = _pointer_id(data_dir)
    return [
        replace(manifest, current=manifest.release_id == current_id)
        for manifest in _complete_manifests(data_dir)
    ]


def current_release(data_dir: Path | str) -> ReleaseManifest | None:
    """The release ``current`` points at, or None when nothing was imported yet."""
    data_dir = Path(data_dir)
    release_id = _pointer_id(data_dir)
    if release_id is None:
        return None
    manifest = _read_manifest(release_dir(data_dir, release_id))
    if manifest is None:
        raise ReleaseUnavailable(
            f"{data_dir / POINTER} names release {release_id!r}, which is not a complete "
            f"release in {data_dir / RELEASES}: make another one current with set_current"
        )
    return replace(manifest, current=True)


def load_release(data_dir: Path | str, release_id: str | None = None) -> pd.DataFrame:
    """The respondent frame of a release (the current one when ``release_id`` is None).

    Dtypes are those of :func:`phare.microdata.read_microdata`; each data file's SHA-256 is
    checked against the manifest first.
    """
    data_dir = Path(data_dir)
    if release_id is None:
        manifest = current_release(data_dir)
        if manifest is None:
            raise ReleaseUnavailable(
                f"no current release in {data_dir}: import one with "
                "`python -m phare import FILE --release ID`"
            )
    else:
        manifest = read_release_manifest(data_dir, release_id)
    folder = release_dir(data_dir, manifest.release_id)
    frames = [_read_data_file(folder / file.name, file) for file in manifest.files]
    return _restore_dtypes(pd.concat(frames, ignore_index=True))


def read_release_manifest(data_dir: Path | str, release_id: str) -> ReleaseManifest:
    """The manifest of a complete release; :class:`ReleaseUnavailable` otherwise."""
    check_release_id(release_id)
    manifest = _read_manifest(release_dir(Path(data_dir), release_id))
    if manifest is None:
        known = ", ".join(release.release_id for release in _complete_manifests(data_dir))
        raise ReleaseUnavailable(
            f"release {release_id!r} is not a complete release in {Path(data_dir) / RELEASES} "
            f"(complete releases: {known or 'none'})"
        )
    return manifest


def check_release_id(release_id: str) -> None:
    if not RELEASE_ID.fullmatch(release_id):
        raise InvalidReleaseId(
            f"release id {release_id!r} is malformed: expected 1 to 64 characters among a-z, "
            "0-9, '.', '_', '-', starting with a letter or digit (e.g. 2025-03-citoyens)"
        )


def release_dir(data_dir: Path, release_id: str) -> Path:
    return data_dir / RELEASES / release_id


@contextmanager
def import_lock(data_dir: Path) -> Iterator[None]:
    """Hold the data folder's lock, or fail at once with :class:`ImportLocked`.

    The lock is an ``fcntl.flock`` on ``.import.lock``: the kernel releases it when its holder
    dies, so a crashed import never leaves the folder locked. The file itself is kept.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOCK_FILE
    with path.open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise ImportLocked(
                f"{path} is held by another import or set_current (process {holder}); "
                "nothing was changed: run the command again once it has finished"
            ) from error
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def remove_unfinished(data_dir: Path) -> list[str]:
    """Delete what an interrupted import left behind; call only while holding the lock."""
    removed = []
    for child in sorted(data_dir.iterdir()):
        if child.name.startswith(TEMP_PREFIX) and child.is_dir():
            shutil.rmtree(child)
            removed.append(child.name)
        elif child.name == POINTER_TEMP:
            child.unlink()
            removed.append(child.name)
    return removed


def _write_release(staging: Path, microdata: Microdata, release_id: str) -> ReleaseManifest:
    data_path = staging / DATA_FILE
    with data_path.open("wb") as handle:
        microdata.frame.to_parquet(handle, index=False)
        _sync(handle)
    _fault_point("after_data_write")
    manifest = ReleaseManifest(
        release_id=release_id,
        files=(ReleaseFile(DATA_FILE, file_sha256(data_path), microdata.rows),),
        schema_version=SCHEMA_VERSION,
        cog_vintage=COG_VINTAGE,
        source_file=microdata.path.name,
        source_sha256=microdata.sha256,
        imported_at=datetime.now(UTC).isoformat(),
        warnings=tuple(microdata.warnings),
        simulated=microdata.simulated,
    )
    with (staging / MANIFEST_FILE).open("w", encoding="utf-8") as handle:
        handle.write(manifest.to_json())
        _sync(handle)
    _fsync_dir(staging)
    return manifest


def _publish(staging: Path, final: Path) -> None:
    final.parent.mkdir(exist_ok=True)
    os.rename(staging, final)
    _fsync_dir(final.parent)
    _fsync_dir(staging.parent)


def _switch_pointer(data_dir: Path, release_id: str) -> None:
    temporary = data_dir / POINTER_TEMP
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(f"{release_id}\n")
        _sync(handle)
    _fault_point("before_pointer_switch")
    os.replace(temporary, data_dir / POINTER)
    _fsync_dir(data_dir)
    _fault_point("after_pointer_switch")


def _record(data_dir: Path, event: str) -> None:
    """One line in ``imports.log`` (and the log): when, who, what; never the file's content."""
    line = f"{datetime.now(UTC).isoformat()} {_who()} {event}"
    log.info("%s", line)
    with (data_dir / IMPORT_LOG).open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def _who() -> str:
    """The account that ran the command, for the import log (never the file's content)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid {os.getuid()}"


def _sync(handle: IO) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _pointer_id(data_dir: Path) -> str | None:
    pointer = data_dir / POINTER
    try:
        release_id = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    if not RELEASE_ID.fullmatch(release_id):
        raise ReleaseUnavailable(
            f"{pointer} holds {release_id!r}, expected a release id: make a release current "
            "with set_current"
        )
    return release_id


def _complete_manifests(data_dir: Path | str) -> list[ReleaseManifest]:
    folder = Path(data_dir) / RELEASES
    manifests = [
        manifest
        for child in (folder.iterdir() if folder.is_dir() else [])
        if (manifest := _read_manifest(child)) is not None
    ]
    return sorted(manifests, key=lambda manifest: (manifest.imported_at, manifest.release_id))


def _read_manifest(folder: Path) -> ReleaseManifest | None:
    """The manifest of a complete release folder, None for anything else (never raises)."""
    if not RELEASE_ID.fullmatch(folder.name):
        return None
    try:
        manifest = ReleaseManifest.from_json((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    complete = manifest.release_id == folder.name and all(
        (folder / file.name).is_file() for file in manifest.files
    )
    return manifest if complete else None


def _read_data_file(path: Path, expected: ReleaseFile) -> pd.DataFrame:
    actual = file_sha256(path)
    if actual != expected.sha256:
        raise ReleaseUnavailable(
            f"{path} has SHA-256 {actual}, but its manifest records {expected.sha256}: the "
            "release is corrupt; make another release current with set_current"
        )
    return pd.read_parquet(path)


def _restore_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """Parquet gives the top-3 columns back as strings: make them ``object`` with None again."""
    for name in TOP3_COLUMNS:
        frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    return frame


def _fault_point(name: str) -> None:
    """Test hook: SIGKILL this process here when ``PHARE_TEST_FAULT_POINT`` equals ``name``."""
    if os.environ.get(FAULT_POINT_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
