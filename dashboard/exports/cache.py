"""Rendered exports kept in a cache that every worker shares (Flask-Caching).

A PNG or SVG slide takes Chromium 0.5 to 5 seconds to draw; the same permalink, opened by
every reader of an article, should cost that once. The figures themselves are not worth a
shared cache: every view of a release is estimated when the process loads it (a dict lookup
per filter change, see :mod:`phare.datasets`).

**Backends.** A folder (``PHARE_CACHE_DIR/responses``) by default: shared by the workers of
one host, bounded to :data:`MAX_ENTRIES` files; Redis when ``PHARE_REDIS_URL`` is set, shared
by every instance and bounded by the server's ``maxmemory`` policy and :data:`TIMEOUT`. Never
Flask-Caching's per-process ``SimpleCache``: N workers would be N cold caches.

**Keys.** ``<kind>:<app version>:<release id>:<SHA-256 of the canonical request>``. The
release id is that of the dataset the state shows, so a new import changes the key and
invalidates by construction; the canonical request is the state's own query string (only what
differs from the defaults, in a fixed order) plus the export's own options, never a repr.

**Failures.** The cache is an optimisation: a backend that is down, or a corrupt entry, is a
miss (logged), never an error for the reader.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence

from flask import Flask, current_app
from flask_caching import Cache

from dashboard import __version__
from phare.settings import Settings

CACHE_EXTENSION = "phare.response_cache"
CACHE_HEADER = "X-Phare-Cache"  # hit or miss: what served this response
MAX_ENTRIES = 500  # folder backend: about 100 KB to 2 MB per slide
TIMEOUT = 7 * 24 * 3600  # seconds; keys change with each release anyway
KEY_PREFIX = "phare:"

log = logging.getLogger(__name__)


def cache_config(settings: Settings) -> dict[str, object]:
    """Flask-Caching's configuration for ``settings``: Redis when set, else the folder."""
    common = {"CACHE_DEFAULT_TIMEOUT": TIMEOUT, "CACHE_KEY_PREFIX": KEY_PREFIX}
    if settings.redis_url:
        return {**common, "CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": settings.redis_url}
    return {
        **common,
        "CACHE_TYPE": "FileSystemCache",
        "CACHE_DIR": str(settings.response_cache_dir),
        "CACHE_THRESHOLD": MAX_ENTRIES,
    }


def install_cache(server: Flask, settings: Settings) -> None:
    """Give ``server`` its response cache (reached through :func:`cached_bytes`)."""
    server.extensions[CACHE_EXTENSION] = Cache(server, config=cache_config(settings))


def cache_key(kind: str, release_ids: Sequence[str], canonical: str) -> str:
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return f"{kind}:{__version__}:{'+'.join(release_ids)}:{digest}"


def cached_bytes(key: str, build: Callable[[], bytes]) -> tuple[bytes, bool]:
    """(the bytes stored under ``key``, True), or (``build()``, False) after storing them.

    An exception from ``build`` propagates and nothing is stored.
    """
    cache: Cache = current_app.extensions[CACHE_EXTENSION]
    found = _read(cache, key)
    if isinstance(found, bytes):
        return found, True
    value = build()
    _write(cache, key, value)
    return value, False


def _read(cache: Cache, key: str) -> object:
    try:
        return cache.get(key)
    except Exception:  # a backend down or an unreadable entry is a miss, never an error
        log.warning("response cache: reading %s failed; rendering instead", key, exc_info=True)
        return None


def _write(cache: Cache, key: str, value: bytes) -> None:
    try:
        cache.set(key, value)
    except Exception:
        log.warning("response cache: storing %s failed; served uncached", key, exc_info=True)
