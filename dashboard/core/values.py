"""The values of one view by region, in one shape whatever the dataset behind them.

Published figures come from :func:`phare.selection.select_region_values` (one chosen figure per
region, joint figures, source per row); microdata from the dataset's estimated cells (value,
95 % interval, bases, suppression, significance against France). :func:`region_values` turns
either into :data:`VALUE_COLUMNS`, plus the France row when the data has one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import AppState
from phare.datasets import Dataset, estimate_view
from phare.estimates import ESTIMATE_COLUMNS
from phare.microdata_format import MICRO_INDICATORS, SURVEYED_ACTORS
from phare.published import NATIONAL
from phare.selection import NOT_PUBLISHED

# significant: True/False against France (microdata), None when not tested
VALUE_COLUMNS = (
    "code",
    "name",
    *ESTIMATE_COLUMNS,
    "joint_with",  # regions a published figure covers together, else None
    "source",  # the credit line of the row's source, "" without value
    "study",  # study id of a published figure, else None
    "note",  # what the source says about a published figure ("" when nothing)
    "confidence",  # high, medium or low: how sure the reading of a published figure is, else ""
)


@dataclass(frozen=True)
class RegionValues:
    regions: pd.DataFrame  # VALUE_COLUMNS, one row per surveyed region, catalogue order
    france: float | None  # the value for France, when the data has one


def region_values(context: DataContext, state: AppState) -> RegionValues:
    frame = view_values(context, state)
    is_france = (frame["code"] == NATIONAL).to_numpy()
    france = frame.loc[is_france, "value"]
    regions = frame[~is_france].reset_index(drop=True)
    has_france = not france.empty and pd.notna(france.iloc[0])
    return RegionValues(regions, float(france.iloc[0]) if has_france else None)


def territory_name(context: DataContext, code: str) -> str:
    """A region's name, or "France" for ``FR`` (a name, the same in both languages)."""
    return "France" if code == NATIONAL else context.catalogue.regions[code].name


def view_values(context: DataContext, state: AppState) -> pd.DataFrame:
    """:data:`VALUE_COLUMNS` of the state's view: the 13 regions, then France (code ``FR``)."""
    return pd.DataFrame(view_columns(context, state))


def view_columns(context: DataContext, state: AppState) -> dict[str, np.ndarray]:
    """:func:`view_values` as one array per column, without building a frame: what a table
    gathering many views (the Analyse page's) reads cell by cell."""
    dataset = context.dataset(state.dataset)
    if dataset.kind == "published":
        return _published(context, state)
    return _estimated(context, state, dataset)


def _published(context: DataContext, state: AppState) -> dict[str, np.ndarray]:
    catalogue = context.catalogue
    key = (state.study, state.actor, state.segment, state.indicator, state.fragility)
    rows = context.published_views.get(key)
    if rows is None:  # nothing published for this view: "non publié" everywhere
        return _not_published([*catalogue.regions, NATIONAL], catalogue)
    sources = catalogue.sources
    size = len(rows)
    return {
        "code": _objects(rows["region_code"]),
        "name": _objects(rows["region_name"]),
        "value": rows["value"].to_numpy(dtype=float),
        "ci_low": np.full(size, np.nan),
        "ci_high": np.full(size, np.nan),
        "n": rows["base_n"].to_numpy(dtype=float, na_value=np.nan),
        "n_eff": np.full(size, np.nan),
        "status": _objects(rows["status"]),
        "significant": np.full(size, None, dtype=object),
        "joint_with": _objects(rows["joint_with"]),
        "source": np.array(
            [sources[s].credit() if isinstance(s, str) else "" for s in rows["source"]],
            dtype=object,
        ),
        "study": _objects(rows["study"]),
        "note": _objects(rows["notes"], ""),
        "confidence": _objects(rows["confidence"], ""),
    }


def _objects(column: pd.Series, missing: object = None) -> np.ndarray:
    """The column as objects, ``missing`` where there is none (14 values: a loop beats
    pandas' conversions of Arrow strings)."""
    return np.array([missing if pd.isna(v) else v for v in column.tolist()], dtype=object)


def _estimated(context: DataContext, state: AppState, dataset: Dataset) -> dict[str, np.ndarray]:
    catalogue = context.catalogue
    territories = [*catalogue.regions, NATIONAL]
    spec = MICRO_INDICATORS.get(state.indicator)
    if (
        spec is None
        or state.actor not in SURVEYED_ACTORS
        or spec.per_fragility != (state.fragility is not None)
    ):
        return _not_published(territories, catalogue)
    cells = dataset.regional_cells  # estimated at load time: a lookup, no frame built
    found = cells and cells.view(state.actor, state.segment, state.indicator, state.fragility)
    view = (
        found
        if found is not None
        else estimate_view(
            dataset,
            catalogue,
            actor=state.actor,
            indicator=state.indicator,
            fragility=state.fragility,
            segment=state.segment,
        )
    )
    value = view["value"].to_numpy(dtype=float)
    size = len(view)
    return {
        "code": view["territory_code"].to_numpy(),
        "name": view["territory_name"].to_numpy(),
        "value": value,
        "ci_low": view["ci_low"].to_numpy(dtype=float),
        "ci_high": view["ci_high"].to_numpy(dtype=float),
        "n": view["n"].to_numpy(dtype=float),
        "n_eff": view["n_eff"].to_numpy(dtype=float),
        "status": view["status"].to_numpy(),
        "significant": view["significant"].to_numpy(dtype=object),
        "joint_with": np.full(size, None, dtype=object),
        "source": np.where(np.isnan(value), "", dataset.label).astype(object),
        "study": np.full(size, None, dtype=object),
        "note": np.full(size, "", dtype=object),
        "confidence": np.full(size, "", dtype=object),
    }


def _not_published(codes: list[str], catalogue) -> dict[str, np.ndarray]:
    names = {code: region.name for code, region in catalogue.regions.items()}
    size = len(codes)
    empty = np.full(size, np.nan)
    return {
        "code": np.array(codes, dtype=object),
        "name": np.array([names.get(c, "France") for c in codes], dtype=object),
        **{column: empty.copy() for column in ("value", "ci_low", "ci_high", "n", "n_eff")},
        "status": np.full(size, NOT_PUBLISHED, dtype=object),
        "significant": np.full(size, None, dtype=object),
        "joint_with": np.full(size, None, dtype=object),
        "source": np.full(size, "", dtype=object),
        "study": np.full(size, None, dtype=object),
        "note": np.full(size, "", dtype=object),
        "confidence": np.full(size, "", dtype=object),
    }
