"""One way in to every dataset, and one table out, whichever kind of data is behind it.

A dataset is the built-in published figures (``published``), an imported release (by its id),
or a respondent file (by its path). :func:`estimate_view` gives, for either kind, the same
columns as the CSV export: the UI never knows whether it got aggregates or microdata.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from phare.catalogue import Catalogue
from phare.estimates import (
    CELL_COLUMNS,
    FRANCE_NAME,
    REGION,
    estimate_all_cells,
    estimate_cells,
)
from phare.microdata import read_microdata
from phare.prepared import PreparedMicrodata, prepare
from phare.published import NATIONAL, PUBLISHED_FIGURES, load_published
from phare.release_identity import published_release
from phare.releases import load_release, read_release_manifest
from phare.selection import OK, select_region_values
from phare.simulate import simulate
from phare.weighted import CAUTION_BASE, MIN_BASE

PUBLISHED = "published"
SIMULATED_LABEL = "données simulées"
VIEW_COLUMNS = (*CELL_COLUMNS, "source")


@dataclass(frozen=True)
class Dataset:
    """Loaded data with what the views must say about it."""

    id: str
    kind: str  # "published" (aggregates) or "microdata"
    frame: pd.DataFrame
    simulated: bool
    label: str
    prepared: PreparedMicrodata | None = None  # microdata coded once, for fast views
    regional_cells: RegionalCells | None = None  # every regional view, estimated once


ViewKey = tuple[str, str, str, str | None]  # actor, segment, indicator, fragility


@dataclass(frozen=True)
class RegionalCells:
    """Every (actor, segment, indicator, fragility) view by region, estimated at load time.

    Estimating every cell costs about as much as one view (:func:`estimate_all_cells`), so a
    dataset that the UI serves computes them once and each filter change is a dict lookup.
    """

    views: dict[ViewKey, pd.DataFrame]
    available: pd.DataFrame  # actor, segment, indicator, fragility of views with a value
    min_base: float
    caution_base: float

    @classmethod
    def of(
        cls, dataset: Dataset, catalogue: Catalogue, min_base: float, caution_base: float
    ) -> RegionalCells:
        if dataset.prepared is None:
            raise ValueError(f"dataset {dataset.id} holds no microdata to estimate from")
        cells = estimate_all_cells(
            dataset.prepared, catalogue, min_base=min_base, caution_base=caution_base
        )
        names = {code: region.name for code, region in catalogue.regions.items()}
        cells["territory_name"] = cells["territory_code"].map(names).fillna(FRANCE_NAME)
        cells["fragility"] = cells["fragility"].astype(object).where(cells["fragility"].notna())
        keys = ["actor", "segment", "indicator", "fragility"]
        views = {
            tuple(None if pd.isna(part) else part for part in key): group[
                list(CELL_COLUMNS)
            ].reset_index(drop=True)
            for key, group in cells.groupby(keys, sort=False, dropna=False)
        }
        shown = [key for key, view in views.items() if view["value"].iloc[:-1].notna().any()]
        available = pd.DataFrame(shown, columns=keys)
        return cls(views, available, min_base, caution_base)

    def view(self, actor: str, segment: str, indicator: str, fragility: str | None):
        """The view's rows (13 regions, then France), or None when the data has no such view."""
        return self.views.get((actor, segment, indicator, fragility))


def open_dataset(spec: str, catalogue: Catalogue, data_dir: Path) -> Dataset:
    """``published``, a path to a respondent file, or the id of an imported release."""
    if spec == PUBLISHED:
        frame = load_published(catalogue)
        release = published_release(PUBLISHED_FIGURES, rows=len(frame))
        return Dataset(release.id, "published", frame, False, "chiffres publiés")
    path = Path(spec)
    if path.is_file():
        microdata = read_microdata(path, catalogue)
        label = SIMULATED_LABEL if microdata.simulated else path.name
        return _microdata(path.name, microdata.frame, microdata.simulated, label, catalogue)
    manifest = read_release_manifest(data_dir, spec)
    label = SIMULATED_LABEL if manifest.simulated else f"version {manifest.release_id}"
    frame = load_release(data_dir, spec)
    return _microdata(spec, frame, manifest.simulated, label, catalogue)


def simulated_dataset(
    catalogue: Catalogue, published: pd.DataFrame, *, seed: int, respondents: int
) -> Dataset:
    """A simulated respondent file drawn in memory (seeded, so every process draws the same)."""
    frame = simulate(catalogue, published, seed=seed, respondents=respondents)
    return _microdata(f"simulation-{seed}-{respondents}", frame, True, SIMULATED_LABEL, catalogue)


def with_regional_cells(
    dataset: Dataset,
    catalogue: Catalogue,
    min_base: float = MIN_BASE,
    caution_base: float = CAUTION_BASE,
) -> Dataset:
    """``dataset`` with every regional view estimated once (for the UI's fast lookups)."""
    cells = RegionalCells.of(dataset, catalogue, min_base, caution_base)
    return replace(dataset, regional_cells=cells)


def _microdata(
    dataset_id: str, frame: pd.DataFrame, simulated: bool, label: str, catalogue: Catalogue
) -> Dataset:
    return Dataset(
        dataset_id, "microdata", frame, simulated, label, prepared=prepare(frame, catalogue)
    )


def estimate_view(
    dataset: Dataset,
    catalogue: Catalogue,
    *,
    actor: str,
    indicator: str,
    fragility: str | None = None,
    segment: str = "all",
    by: str = "region",
    programme: str = "phare",
    min_base: float | None = None,
    caution_base: float | None = None,
) -> pd.DataFrame:
    """One row per metropolitan region (or department) and one for France, :data:`VIEW_COLUMNS`.

    Bases left out are those the dataset's cells were estimated with (the settings the app
    loaded it with), else the defaults of :mod:`phare.weighted`.
    """
    if dataset.kind == "published":
        if by != "region":
            raise ValueError("published figures exist by region and for France only")
        return _published_view(
            dataset.frame, catalogue, actor, indicator, fragility, segment, programme
        )
    cells = dataset.regional_cells
    if min_base is None:
        min_base = cells.min_base if cells is not None else MIN_BASE
    if caution_base is None:
        caution_base = cells.caution_base if cells is not None else CAUTION_BASE
    if (
        by == REGION
        and cells is not None
        and (cells.min_base, cells.caution_base) == (min_base, caution_base)
    ):
        found = cells.view(actor, segment, indicator, fragility)
        if found is not None:
            return found.assign(source=dataset.label)[list(VIEW_COLUMNS)]
    table = estimate_cells(
        dataset.prepared if dataset.prepared is not None else dataset.frame,
        catalogue,
        actor=actor,
        indicator=indicator,
        fragility=fragility,
        segment=segment,
        by=by,
        min_base=min_base,
        caution_base=caution_base,
    )
    return table.assign(source=dataset.label)[list(VIEW_COLUMNS)]


def _published_view(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    actor: str,
    indicator: str,
    fragility: str | None,
    segment: str,
    programme: str,
) -> pd.DataFrame:
    """Published figures in the estimate columns: no interval, the base as ``n``."""
    regions = select_region_values(
        frame,
        catalogue,
        indicator=indicator,
        actor=actor,
        segment=segment,
        programme=programme,
        fragility=fragility,
        territories=[*catalogue.regions, NATIONAL],
    )
    names = {
        **{code: region.name for code, region in catalogue.regions.items()},
        NATIONAL: "France",
    }
    sources = catalogue.sources
    return pd.DataFrame(
        {
            "territory_code": regions["region_code"],
            "territory_name": regions["region_code"].map(names),
            "value": regions["value"],
            "ci_low": np.nan,
            "ci_high": np.nan,
            "n": regions["base_n"],
            "n_eff": np.nan,
            "status": regions["status"],
            "significant": None,
            "source": [
                sources[source].credit() if status == OK else ""
                for source, status in zip(regions["source"], regions["status"], strict=True)
            ],
        }
    ).reset_index(drop=True)
