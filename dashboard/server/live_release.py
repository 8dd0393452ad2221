"""How a newly imported release reaches every worker, without a restart.

The gunicorn master loads the data once and forks the workers from it (``preload_app``, see
``gunicorn.conf.py``), so a worker forked later (a respawn, ``max_requests``) starts from the
master's data, however old. Staff publish a release with ``python -m phare import``, which
replaces the data folder's ``current`` pointer file in one ``os.replace``
(:mod:`phare.releases`). Before each request, a worker compares the pointer's identity (inode,
modification time, size: one ``os.stat``, a few microseconds) with the one its data came from.
When it differs, the first thread to notice loads the new release whole and swaps the context
in one assignment; meanwhile the worker's other threads go on serving the previous release,
and no request ever sees half of one (:func:`dashboard.core.context.current_context` reads the
context once per request).

**Policy for a missing or corrupt release: serve the last good data, report degraded.** A
pointer to a release that is missing or fails its checksums, at start or later, leaves the
datasets already served in place (at start: the published figures, and the simulated data
when enabled) and ``/readyz`` answers 503 ``degraded`` with the reason; workers never crash,
so gunicorn never respawns them in a loop. The release is tried again when the pointer
changes (``python -m phare releases --set-current`` rolls back).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from flask import Flask

from dashboard.core.context import (
    IMPORTED_DATASET,
    DataContext,
    Unavailable,
    load_context,
    with_current_import,
)
from dashboard.server.current import EXTENSION_KEY
from phare.releases import MANIFEST_FILE, POINTER, RELEASES, release_dir
from phare.settings import Settings

LIVE_EXTENSION = "phare.live_release"
PointerStamp = tuple[int, int, int] | None


def pointer_stamp(data_dir: Path) -> PointerStamp:
    """Identity of the ``current`` pointer file: any import or rollback changes it."""
    try:
        stat = os.stat(data_dir / POINTER)
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


class LiveRelease:
    """Keeps ``server``'s context on the release the data folder names.

    The one piece of state that changes while a process serves: the context reference in
    ``server.extensions`` and the pointer stamp it was loaded from, both replaced under a lock.
    """

    def __init__(self, server: Flask, settings: Settings, stamp: PointerStamp) -> None:
        self._server = server
        self._settings = settings
        self._stamp = stamp
        self._lock = threading.Lock()

    @property
    def data_dir(self) -> Path:
        return self._settings.data_dir

    def refresh(self) -> None:
        """Load the release the pointer names if it changed; a no-op for every other thread
        while one loads."""
        stamp = pointer_stamp(self._settings.data_dir)
        if stamp == self._stamp or not self._lock.acquire(blocking=False):
            return
        try:
            if stamp != self._stamp:
                self._reload(stamp)
        finally:
            self._lock.release()

    def _reload(self, stamp: PointerStamp) -> None:
        context = self._server.extensions[EXTENSION_KEY]
        if isinstance(context, DataContext):
            self._server.extensions[EXTENSION_KEY] = with_current_import(context, self._settings)
        self._stamp = stamp


def readiness_problems(context: DataContext, data_dir: Path) -> list[str]:
    """Why ``context`` is not the data the folder names: an unreadable new release, or the
    served one deleted from disk (still served from memory until the pointer changes)."""
    problems = [context.degraded] if context.degraded else []
    imported = context.datasets.get(IMPORTED_DATASET)
    if imported is not None and not (release_dir(data_dir, imported.id) / MANIFEST_FILE).is_file():
        problems.append(
            f"release {imported.id!r} is served from memory but was deleted from "
            f"{data_dir / RELEASES}: make a release current to serve it again"
        )
    return problems


def serve_current_release(
    server: Flask,
    settings: Settings,
    load: Callable[[Settings], DataContext | Unavailable] = load_context,
) -> None:
    """Load the data into ``server`` and keep it on the current release before every request.

    The pointer is stamped before the data is read, so an import that lands meanwhile is
    picked up by the first request.
    """
    stamp = pointer_stamp(settings.data_dir)
    server.extensions[EXTENSION_KEY] = load(settings)
    live = LiveRelease(server, settings, stamp)
    server.extensions[LIVE_EXTENSION] = live
    server.before_request(live.refresh)
