"""One way in to every dataset, and one table out, whichever kind of data is behind it.

A dataset is the built-in published figures (``published``), an imported release (by its id),
or a respondent file (by its path). :func:`estimate_view` gives, for either kind, the same
columns as the CSV export: the UI never knows whether it got aggregates or microdata.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from phare.catalogue import Catalogue
from phare.estimates import CELL_COLUMNS, estimate_cells
from phare.microdata import read_microdata
from phare.prepared import PreparedMicrodata, prepare
from phare.published import NATIONAL, PUBLISHED_FIGURES, load_published
from phare.release import published_release
from phare.releases import load_release, read_release_manifest
from phare.selection import OK, select_region_values

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
    min_base: int = 30,
    caution_base: int = 100,
) -> pd.DataFrame:
    """One row per metropolitan region (or department) and one for France, :data:`VIEW_COLUMNS`."""
    if dataset.kind == "published":
        if by != "region":
            raise ValueError("published figures exist by region and for France only")
        return _published_view(
            dataset.frame, catalogue, actor, indicator, fragility, segment, programme
        )
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
