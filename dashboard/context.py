"""Everything the pages need, loaded once per process at start-up and never mutated after.

Callbacks reach it through :func:`current_context` (the Flask app's extensions), never through
files. When the data or the geometry cannot be loaded, the app still starts, ``/readyz``
answers 503 with the reason, and pages show it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from flask import current_app

from dashboard.figures.classification import SCHEMES
from dashboard.state import StateChoices
from geodata.cache import GeometryManifest, require_manifest
from phare.catalogue import Catalogue, load_catalogue
from phare.errors import PhareError
from phare.published import PUBLISHED_FIGURES, load_published
from phare.release import Release, published_release
from phare.settings import Settings

EXTENSION_KEY = "phare"
PUBLISHED_DATASET = "publie"
MAP_LEVELS = frozenset({"regions", "departements", "communes"})


@dataclass(frozen=True)
class DataContext:
    catalogue: Catalogue
    published: pd.DataFrame
    release: Release
    geometry: GeometryManifest
    territories: pd.DataFrame
    choices: StateChoices

    def overseas_regions(self) -> pd.DataFrame:
        """Regions drawn in insets but not surveyed (code, name), in code order."""
        regions = self.territories[
            (self.territories["level"] == "region") & self.territories["overseas"]
        ]
        return regions[["code", "name"]].sort_values("code", ignore_index=True)

    def geometry_url(self, level: str) -> str:
        return f"/geo/{level}.geojson?v={self.geometry.levels[level].sha256[:12]}"


@dataclass(frozen=True)
class Unavailable:
    """Why the data could not be loaded (shown on pages and by ``/readyz``)."""

    reason: str


def load_context(settings: Settings) -> DataContext | Unavailable:
    try:
        catalogue = load_catalogue()
        published = load_published(catalogue, PUBLISHED_FIGURES)
        geometry = require_manifest(settings.geodata_cache_dir)
        territories = pd.read_parquet(geometry.table("territories"))
    except (PhareError, OSError, ValueError) as error:
        return Unavailable(str(error))
    release = published_release(PUBLISHED_FIGURES, rows=len(published))
    return DataContext(
        catalogue=catalogue,
        published=published,
        release=release,
        geometry=geometry,
        territories=territories,
        choices=state_choices(catalogue, release, geometry),
    )


def state_choices(
    catalogue: Catalogue, release: Release, geometry: GeometryManifest
) -> StateChoices:
    return StateChoices(
        datasets=frozenset({PUBLISHED_DATASET}),
        releases=frozenset({release.id}),
        programmes=frozenset(catalogue.programmes),
        actors=frozenset(catalogue.actors),
        segments=frozenset(catalogue.segments),
        indicators=frozenset(catalogue.indicators),
        fragilities=frozenset(catalogue.fragilities),
        levels=frozenset(geometry.levels) & MAP_LEVELS,
        schemes=frozenset(SCHEMES),
        territories=frozenset(catalogue.regions),
    )


def current_context() -> DataContext | Unavailable:
    return current_app.extensions[EXTENSION_KEY]
