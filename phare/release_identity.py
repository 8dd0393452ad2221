"""Identity of a data release: which file the figures on screen come from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Release:
    """A loaded dataset. ``id`` changes whenever the file's content changes."""

    id: str
    kind: str
    path: Path
    sha256: str
    rows: int


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def published_release(path: Path, rows: int) -> Release:
    sha = file_sha256(path)
    return Release(id=f"publie-{sha[:12]}", kind="published", path=path, sha256=sha, rows=rows)
