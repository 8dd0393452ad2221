"""Everything the pages need, loaded once (by gunicorn's master, before it forks the workers)
and never mutated.

Callbacks, pages and routes reach it through
:func:`dashboard.server.current.current_context` (read once per request, so a request never
mixes two releases), never through files. When the catalogue, the published figures or the
geometry cannot be loaded, the app still starts, ``/readyz`` answers 503 with the reason, and
pages show it. A new imported release replaces the whole context
(:mod:`dashboard.server.live_release`); an imported release that cannot be read leaves the last good
data served and the reason in :attr:`DataContext.degraded`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from dashboard.core.state import (
    CLASS_SCHEMES,
    COMMUNE_LAYERS,
    MAP_LEVELS,
    StateChoices,
    territory_id,
)
from geodata.cache import GeometryManifest, require_manifest
from geodata.lookups import Gazetteer
from phare.catalogue import Catalogue, load_catalogue
from phare.datasets import Dataset, open_dataset, simulated_dataset, with_regional_cells
from phare.errors import PhareError
from phare.published import NATIONAL, PUBLISHED_FIGURES, load_published
from phare.release_identity import Release, published_release
from phare.releases import current_release
from phare.selection import ViewKey, every_region_view
from phare.settings import Settings

PUBLISHED_DATASET = "publie"
SIMULATED_DATASET = "simule"
IMPORTED_DATASET = "import"
# The simulated dataset every process draws alike: same seed, same respondents.
SIMULATION_SEED = 20151001
SIMULATION_RESPONDENTS = 20_000
COMMUNE_SIZE_FIELD = "commune_size_class"  # the segments that are the mayors' survey strata
VIEW_KEYS = ["actor", "segment", "indicator", "fragility"]


class Memo:
    """Results computed from one context, kept with it (a view asked for again is a lookup).

    Each cache lives on its context: when a new release replaces the context, the results of
    the old one leave memory with it, and no two contexts ever share a result."""

    def __init__(self) -> None:
        self._caches: dict[Callable, Callable] = {}
        self._lock = threading.Lock()  # gthread workers: two requests may ask at once

    def __call__(self, function: Callable[..., Any], maxsize: int) -> Callable[..., Any]:
        """``function`` with its last ``maxsize`` results kept (its arguments, hashable, are
        the key; the context among them is this memo's own)."""
        with self._lock:
            cached = self._caches.get(function)
            if cached is None:
                cached = self._caches[function] = lru_cache(maxsize=maxsize)(function)
        return cached


@dataclass(frozen=True, eq=False)  # hashed by identity: one per process, never mutated
class DataContext:
    catalogue: Catalogue
    published: pd.DataFrame
    release: Release
    geometry: GeometryManifest
    territories: pd.DataFrame
    features: dict[str, pd.DataFrame]  # the territory table split by level, once
    communes: pd.DataFrame  # drawn communes: code, name, department, region, population, lon,
    # lat, size (index of the survey's commune-size class)
    commune_codes: frozenset[str]  # the communes the commune maps draw
    gazetteer: Gazetteer
    datasets: dict[str, Dataset]  # by dataset id: publie, simule (when enabled), import
    published_views: dict[ViewKey, pd.DataFrame]  # every published view by region and France
    regional_views: dict[str, pd.DataFrame]  # by programme: VIEW_KEYS of the published views
    # with a regional figure (the filters' options read it on every change)
    choices: StateChoices
    degraded: str | None = None  # why the imported release on disk is not the one served
    # results computed from this context; a replaced context (``replace``) starts with none
    memo: Memo = field(default_factory=Memo, init=False, repr=False)

    def geometry_url(self, level: str) -> str:
        return f"/geo/{level}.geojson?v={self.geometry.levels[level].sha256[:12]}"

    def dataset(self, dataset_id: str) -> Dataset:
        return self.datasets.get(dataset_id, self.datasets[PUBLISHED_DATASET])

    def territory(self, level: str, code: str) -> pd.Series | None:
        """A row of the territory table (name, parents, label point, extent), or None."""
        features = self.features.get(level)
        if features is None:
            return None
        rows = features[features["code"] == code]
        return None if rows.empty else rows.iloc[0]


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
        communes = pd.read_parquet(geometry.table("reference_communes"))
        gazetteer = Gazetteer(
            communes, pd.read_parquet(geometry.table("reference_parts")), territories
        )
        release = published_release(PUBLISHED_FIGURES, rows=len(published))
        datasets = base_datasets(settings, catalogue, published, release)
    except (PhareError, OSError, ValueError) as error:
        return Unavailable(str(error))
    context = DataContext(
        catalogue=catalogue,
        published=published,
        release=release,
        geometry=geometry,
        territories=territories,
        features={
            level: rows.reset_index(drop=True)
            for level, rows in territories.groupby("level", sort=False)
        },
        communes=drawn_communes(communes, territories, catalogue),
        commune_codes=frozenset(territories.loc[territories["level"] == "commune", "code"]),
        gazetteer=gazetteer,
        datasets=datasets,
        published_views=every_region_view(
            published, catalogue, territories=[*catalogue.regions, NATIONAL]
        ),
        regional_views=regional_views(published, catalogue),
        choices=state_choices(catalogue, datasets, territories),
    )
    return with_current_import(context, settings)


def regional_views(published: pd.DataFrame, catalogue: Catalogue) -> dict[str, pd.DataFrame]:
    """For each programme, the views (:data:`VIEW_KEYS`) its studies published for a region."""
    in_regions = published["region_code"].isin(list(catalogue.regions))
    views = {}
    for programme in catalogue.programmes:
        studies = [study.id for study in catalogue.studies.values() if study.programme == programme]
        views[programme] = published.loc[in_regions & published["study"].isin(studies), VIEW_KEYS]
    return views


def drawn_communes(
    reference: pd.DataFrame, territories: pd.DataFrame, catalogue: Catalogue
) -> pd.DataFrame:
    """The communes the maps draw, with their label point and survey size class, once."""
    points = territories.loc[territories["level"] == "commune", ["code", "lon", "lat"]]
    columns = ["code", "name", "department", "region", "population"]
    located = reference[columns].merge(points, on="code", how="inner")
    sizes = [s for s in catalogue.segments.values() if s.field == COMMUNE_SIZE_FIELD]
    bounds = [segment.min for segment in sizes][1:]
    size = np.digitize(located["population"].fillna(0), bounds)
    return located.assign(size=size).reset_index(drop=True)


def base_datasets(
    settings: Settings, catalogue: Catalogue, published: pd.DataFrame, release: Release
) -> dict[str, Dataset]:
    """The published figures, and the simulated data when enabled.

    Microdata get every regional view estimated now (a fraction of a second), so that a
    filter change is a lookup.
    """
    datasets = {
        PUBLISHED_DATASET: Dataset(release.id, "published", published, False, "chiffres publiés")
    }
    if settings.enable_simulated:
        simulated = simulated_dataset(
            catalogue, published, seed=SIMULATION_SEED, respondents=SIMULATION_RESPONDENTS
        )
        datasets[SIMULATED_DATASET] = with_regional_cells(
            simulated, catalogue, settings.min_base, settings.caution_base
        )
    return datasets


def with_current_import(context: DataContext, settings: Settings) -> DataContext:
    """``context`` serving the release the data folder's ``current`` pointer names now.

    Nothing imported: no ``import`` dataset. A release that cannot be read (a pointer to a
    missing folder, a file that fails its checksum): the datasets ``context`` already serves
    stay, whole, and :attr:`DataContext.degraded` says why.
    """
    try:
        imported = imported_dataset(settings, context.catalogue)
    except (PhareError, OSError, ValueError) as error:
        return replace(context, degraded=str(error))
    datasets = {name: data for name, data in context.datasets.items() if name != IMPORTED_DATASET}
    if imported is not None:
        datasets[IMPORTED_DATASET] = imported
    choices = state_choices(context.catalogue, datasets, context.territories)
    return replace(context, datasets=datasets, choices=choices, degraded=None)


def imported_dataset(settings: Settings, catalogue: Catalogue) -> Dataset | None:
    """The current imported release, read and checked whole, or None when there is none."""
    manifest = current_release(settings.data_dir)
    if manifest is None:
        return None
    dataset = open_dataset(manifest.release_id, catalogue, settings.data_dir)
    return with_regional_cells(dataset, catalogue, settings.min_base, settings.caution_base)


def state_choices(
    catalogue: Catalogue, datasets: dict[str, Dataset], territories: pd.DataFrame
) -> StateChoices:
    return StateChoices(
        datasets=frozenset(datasets),
        programmes=frozenset(catalogue.programmes),
        actors=frozenset(catalogue.actors),
        segments=frozenset(catalogue.segments),
        indicators=frozenset(catalogue.indicators),
        fragilities=frozenset(catalogue.fragilities),
        levels=frozenset(MAP_LEVELS),
        schemes=frozenset(CLASS_SCHEMES),
        territories=frozenset(catalogue.regions),
        groups=frozenset(catalogue.fragility_groups),
        commune_layers=frozenset(COMMUNE_LAYERS),
        places=frozenset(
            territory_id(level, code)
            for level, code in zip(territories["level"], territories["code"], strict=True)
        ),
        current_releases=tuple((name, dataset.id) for name, dataset in datasets.items()),
    )
