"""The one registry of settings.

Each setting is declared once (name, default, help). Precedence: explicit argument >
``PHARE_*`` environment variable > default. The README's configuration table is checked
against :data:`SETTINGS` by a test, so a new setting cannot stay undocumented.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from phare.errors import InvalidSetting

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: object
    help: str
    parse: Callable[[str], object] = str


def _optional_path(raw: str) -> Path | None:
    return Path(raw).expanduser() if raw.strip() else None


def _positive_int(raw: str) -> int:
    value = int(raw)
    if value <= 0:
        raise ValueError("not a positive whole number")
    return value


def _flag(raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off", ""):
        return False
    raise ValueError("expected 1 or 0")


# One CSP source expression: *, 'self', 'none', a scheme ("https:") or a host with an optional
# scheme, wildcard subdomain, port and path ("https://*.example.org:443/news").
CSP_SOURCE = re.compile(
    r"^(\*|'self'|'none'|[a-z][a-z0-9+.-]*:"
    r"|([a-z][a-z0-9+.-]*://)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?(/[^\s;,'\"]*)?)$",
    re.IGNORECASE,
)


def _frame_ancestors(raw: str) -> str:
    """A CSP ``frame-ancestors`` source list, checked so that it cannot inject a directive."""
    if not raw.isprintable():
        raise ValueError("control characters (line breaks, tabs) are not allowed")
    sources = raw.split(" ")
    sources = [source for source in sources if source]
    if not sources:
        raise ValueError("an empty list (use 'none' to forbid every site)")
    bad = [source for source in sources if not CSP_SOURCE.match(source)]
    if bad:
        raise ValueError(f"not a CSP source: {', '.join(bad)}")
    if "'none'" in sources and len(sources) > 1:
        raise ValueError("'none' cannot be combined with other sources")
    return " ".join(sources)


def _redis_url(raw: str) -> str | None:
    url = raw.strip()
    if not url:
        return None
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError("expected a redis://, rediss:// or unix:// URL")
    return url


def _path(raw: str) -> Path:
    if not raw.strip():
        raise ValueError("an empty path")
    return Path(raw).expanduser()


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "geodata_mirror",
        "PHARE_GEODATA_MIRROR",
        None,
        "Local folder holding the france-geojson files (offline machines, CI). "
        "Unset: the files are downloaded from the pinned URLs and verified by SHA-256.",
        _optional_path,
    ),
    Setting(
        "cog_mirror",
        "PHARE_COG_MIRROR",
        None,
        "Local folder holding the COG reference files of @etalab/decoupage-administratif 6.0.0 "
        "(communes.json, departements.json, regions.json). Unset: downloaded and verified.",
        _optional_path,
    ),
    Setting(
        "cache_dir",
        "PHARE_CACHE_DIR",
        PROJECT_ROOT / ".cache",
        "Folder for downloaded contours and the built geometry cache.",
        _path,
    ),
    Setting(
        "data_dir",
        "PHARE_DATA_DIR",
        PROJECT_ROOT / ".data",
        "Folder of imported survey releases (one folder each, and the `current` pointer file).",
        _path,
    ),
    Setting(
        "min_base",
        "PHARE_MIN_BASE",
        30,
        "Effective base (Kish) under which a cell computed from microdata is suppressed.",
        _positive_int,
    ),
    Setting(
        "caution_base",
        "PHARE_CAUTION_BASE",
        100,
        "Effective base under which a cell is shown with the status `prudence`.",
        _positive_int,
    ),
    Setting(
        "enable_simulated",
        "PHARE_ENABLE_SIMULATED",
        False,
        "1: offer the simulated dataset (seeded, labelled « données simulées » on every view) "
        "beside the published figures. On for `make run`, off by default (production).",
        _flag,
    ),
    Setting(
        "frame_ancestors",
        "PHARE_FRAME_ANCESTORS",
        "*",
        "Sites allowed to show embed views (`?embed=1`) in a frame: a CSP `frame-ancestors` "
        "source list, e.g. `https://www.lerameau.fr https://*.example.org`. `*`: any site. "
        "Full pages may only be framed by the dashboard itself.",
        _frame_ancestors,
    ),
    Setting(
        "redis_url",
        "PHARE_REDIS_URL",
        None,
        "Redis shared by every instance for rendered exports, e.g. `redis://127.0.0.1:6379/0`. "
        "Unset: a file cache in `PHARE_CACHE_DIR/responses`, shared by the workers of one host.",
        _redis_url,
    ),
    Setting(
        "chromium",
        "PHARE_CHROMIUM",
        Path("/usr/bin/chromium"),
        "The Chromium that draws PNG/SVG exports (kaleido) and runs the browser tests and "
        "benchmarks: Debian's by default; a browser is never downloaded.",
        _path,
    ),
)


@dataclass(frozen=True)
class Settings:
    geodata_mirror: Path | None
    cog_mirror: Path | None
    cache_dir: Path
    data_dir: Path
    min_base: int
    caution_base: int
    enable_simulated: bool
    frame_ancestors: str
    redis_url: str | None
    chromium: Path

    @property
    def geodata_cache_dir(self) -> Path:
        return self.cache_dir / "geodata"

    @property
    def download_dir(self) -> Path:
        return self.cache_dir / "downloads"

    @property
    def response_cache_dir(self) -> Path:
        return self.cache_dir / "responses"


def load_settings(
    overrides: Mapping[str, object] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Resolve every setting: explicit ``overrides`` > environment > default."""
    overrides = dict(overrides or {})
    environ = os.environ if environ is None else environ
    known = {field.name for field in fields(Settings)}
    unknown = set(overrides) - known
    if unknown:
        raise InvalidSetting(f"unknown setting(s): {', '.join(sorted(unknown))}")
    values: dict[str, object] = {}
    for setting in SETTINGS:
        if setting.name in overrides:
            values[setting.name] = overrides[setting.name]
        elif setting.env in environ:
            try:
                values[setting.name] = setting.parse(environ[setting.env])
            except ValueError as error:
                raise InvalidSetting(
                    f"{setting.env}={environ[setting.env]!r} is not usable: {error}. "
                    f"Expected: {setting.help}"
                ) from error
        else:
            values[setting.name] = setting.default
    settings = Settings(**values)
    if settings.caution_base < settings.min_base:
        raise InvalidSetting(
            f"PHARE_CAUTION_BASE ({settings.caution_base}) is below PHARE_MIN_BASE "
            f"({settings.min_base}): the caution threshold must be the higher one."
        )
    return settings
