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

from dashboard.context import DataContext
from dashboard.state import AppState
from phare.datasets import Dataset, estimate_view
from phare.microdata_format import MICRO_INDICATORS, SURVEYED_ACTORS
from phare.published import NATIONAL
from phare.selection import NOT_PUBLISHED

VALUE_COLUMNS = (
    "code",
    "name",
    "value",
    "ci_low",
    "ci_high",
    "n",
    "n_eff",
    "status",  # ok, prudence, supprime or non_publie
    "significant",  # True/False against France (microdata), None when not tested
    "joint_with",  # regions a published figure covers together, else None
    "source",  # the credit line of the row's source, "" without value
    "study",  # study id of a published figure, else None
    "note",  # what the source says about a published figure ("" when nothing)
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


def view_values(context: DataContext, state: AppState) -> pd.DataFrame:
    """:data:`VALUE_COLUMNS` of the state's view: the 13 regions, then France (code ``FR``)."""
    dataset = context.dataset(state.dataset)
    if dataset.kind == "published":
        return _published(context, state, dataset)
    return _estimated(context, state, dataset)


def _published(context: DataContext, state: AppState, dataset: Dataset) -> pd.DataFrame:
    catalogue = context.catalogue
    key = (state.study, state.actor, state.segment, state.indicator, state.fragility)
    rows = context.published_views.get(key)
    if rows is None:  # nothing published for this view: "non publié" everywhere
        return _not_published([*catalogue.regions, NATIONAL], catalogue)
    sources = catalogue.sources
    return pd.DataFrame(
        {
            "code": rows["region_code"],
            "name": rows["region_name"],
            "value": rows["value"],
            "ci_low": np.nan,
            "ci_high": np.nan,
            "n": rows["base_n"],
            "n_eff": np.nan,
            "status": rows["status"],
            "significant": None,
            "joint_with": rows["joint_with"].astype(object).where(rows["joint_with"].notna()),
            "source": [sources[s].credit() if isinstance(s, str) else "" for s in rows["source"]],
            "study": rows["study"].astype(object).where(rows["study"].notna()),
            "note": rows["notes"].fillna("").astype(str),
        }
    )


def _estimated(context: DataContext, state: AppState, dataset: Dataset) -> pd.DataFrame:
    catalogue = context.catalogue
    territories = [*catalogue.regions, NATIONAL]
    spec = MICRO_INDICATORS.get(state.indicator)
    if (
        spec is None
        or state.actor not in SURVEYED_ACTORS
        or spec.per_fragility != (state.fragility is not None)
    ):
        return _not_published(territories, catalogue)
    view = estimate_view(
        dataset,
        catalogue,
        actor=state.actor,
        indicator=state.indicator,
        fragility=state.fragility,
        segment=state.segment,
    )
    return pd.DataFrame(
        {
            "code": view["territory_code"],
            "name": view["territory_name"],
            "value": view["value"],
            "ci_low": view["ci_low"],
            "ci_high": view["ci_high"],
            "n": view["n"],
            "n_eff": view["n_eff"],
            "status": view["status"],
            "significant": view["significant"],
            "joint_with": None,
            "source": np.where(view["value"].notna(), dataset.label, ""),
            "study": None,
            "note": "",
        }
    )


def _not_published(codes: list[str], catalogue) -> pd.DataFrame:
    names = {code: region.name for code, region in catalogue.regions.items()}
    frame = pd.DataFrame({"code": codes, "name": [names.get(c, "France") for c in codes]})
    for column in VALUE_COLUMNS[2:]:
        frame[column] = np.nan if column in ("value", "ci_low", "ci_high", "n", "n_eff") else None
    frame["status"] = NOT_PUBLISHED
    frame["source"] = ""
    frame["note"] = ""
    return frame
