"""The numbers of a region's profile: pure functions from the data context and the state to frames.

Every row comes from :func:`dashboard.core.values.view_values`, the function behind the map, so a
profile and the map never disagree. A row keeps the region's value with its interval, base,
status and significance against France (as the data layer computed them), France's value and
the region's rank range among the regions with a value (:func:`phare.comparisons.rank_ranges`).
Nothing is filled in: a cell that was not published stays empty with status ``non_publie``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import AppState
from dashboard.core.values import view_values
from phare.comparisons import column_differences, rank_ranges
from phare.estimates import ESTIMATE_COLUMNS
from phare.published import NATIONAL
from phare.selection import NOT_PUBLISHED, OK
from phare.weighted import Z

PROFILE_ACTORS = ("citoyens", "associations", "entreprises", "maires")
SCORE = "fragility_mean_score"
TOP3_SHARE = "fragility_top3_share"
PARTNERSHIP_INDICATORS = (
    "partnership_rate",
    "partnership_innovation_share",
    "intend_partnership_share",
    "partnership_domain_share",
    "partnership_type_share_mecenat",
    "partnership_type_share_pratiques_responsables",
    "partnership_type_share_cooperation_economique",
    "partnership_type_share_innovation_societale",
)
MAYOR_INDICATORS = (
    "cooperation_intention_share",
    "mayor_role_priority_share",
    "coconstruction_dynamic_share",
    "coconstruction_emerging_share",
    "coconstruction_increasing_share",
    "coconstruction_dont_know_how_share",
)
# significant: against France, from the data layer (None: not tested)
ROW_COLUMNS = (
    "actor",
    "indicator",
    "fragility",
    *ESTIMATE_COLUMNS,
    "france",
    "france_low",
    "france_high",
    "best_rank",
    "worst_rank",
    "ranked",  # regions with a value in this view
    "source",
    "study",
    "note",
)
CACHED_PROFILES = 32  # the last profiles asked for, per data context
View = tuple[str, str, str | None]  # actor, indicator, fragility


def view_row(context: DataContext, state: AppState, region: str, view: View) -> dict:
    """The region's row of one view (segment "all"), with France and its rank range."""
    actor, indicator, fragility = view
    values = view_values(
        context,
        state.model_copy(
            update={
                "actor": actor,
                "indicator": indicator,
                "fragility": fragility,
                "segment": "all",
            }
        ),
    )
    france = values[values["code"] == NATIONAL].iloc[0]
    regions = values[values["code"] != NATIONAL].reset_index(drop=True)
    ranks = rank_ranges(regions)
    at = int(np.flatnonzero(regions["code"].to_numpy() == region)[0])
    row = regions.iloc[at]
    return {
        "actor": actor,
        "indicator": indicator,
        "fragility": fragility,
        **{column: row[column] for column in ("value", "ci_low", "ci_high", "n", "n_eff")},
        "status": row["status"],
        "significant": row["significant"],
        "france": france["value"],
        "france_low": france["ci_low"],
        "france_high": france["ci_high"],
        "best_rank": ranks["best_rank"].iloc[at],
        "worst_rank": ranks["worst_rank"].iloc[at],
        "ranked": int(regions["value"].notna().sum()),
        "source": row["source"] or (france["source"] if pd.notna(france["value"]) else ""),
        "study": row["study"] if isinstance(row["study"], str) else france["study"],
        "note": row["note"] or "",
    }


def profile_rows(
    context: DataContext,
    state: AppState,
    region: str,
    views: Iterable[View],
    *,
    keep_empty: bool = False,
) -> pd.DataFrame:
    """:data:`ROW_COLUMNS` for ``views``; views without a value anywhere are left out unless
    ``keep_empty`` (the 16 fragilities are always listed, other indicators only where the data
    has them)."""
    rows = [view_row(context, state, region, view) for view in views]
    frame = pd.DataFrame(rows, columns=list(ROW_COLUMNS))
    if not keep_empty:
        frame = frame[(frame["ranked"] > 0) | frame["france"].notna()]
    return frame.reset_index(drop=True)


def fragility_rows(context: DataContext, state: AppState, region: str, actor: str) -> pd.DataFrame:
    """The 16 fragilities' mean scores of ``actor`` in ``region`` against France, in the
    catalogue's order (grouped by the 4 groups), with a ``group`` column."""
    catalogue = context.catalogue
    views = [(actor, SCORE, fragility) for fragility in catalogue.fragilities]
    rows = profile_rows(context, state, region, views, keep_empty=True)
    rows["group"] = rows["fragility"].map(lambda f: catalogue.fragilities[f].group)
    return rows


def indicator_rows(
    context: DataContext, state: AppState, region: str, indicators: Iterable[str]
) -> pd.DataFrame:
    """Each actor's value of ``indicators`` (per fragility where the indicator is), kept where
    the data has the view somewhere."""
    catalogue = context.catalogue
    views = [
        (actor, indicator, fragility)
        for indicator in indicators
        for fragility in (
            catalogue.fragilities if catalogue.indicators[indicator].per_fragility else [None]
        )
        for actor in PROFILE_ACTORS
    ]
    return profile_rows(context, state, region, views)


def has_regional_value(rows: pd.DataFrame) -> bool:
    return bool(rows["value"].notna().any())


def top_fragilities(rows: pd.DataFrame, top3_rows: pd.DataFrame, size: int = 3) -> pd.DataFrame:
    """The ``size`` fragilities an actor puts first, from one actor's rows.

    The published (or estimated) top-3 shares when the region has them, else the highest mean
    scores; with no regional value, France's. Columns: fragility, value, basis (``top3_share``
    or ``mean_score``), scope (``region`` or ``france``), among (how many fragilities had a
    value to choose from). Empty when nothing was published for the actor at all.
    """
    for scope, column in (("region", "value"), ("france", "france")):
        for basis, source in (("top3_share", top3_rows), ("mean_score", rows)):
            known = source.dropna(subset=[column])
            if not known.empty:
                ordered = known.sort_values(column, ascending=False, kind="stable").head(size)
                return pd.DataFrame(
                    {
                        "fragility": ordered["fragility"].to_numpy(),
                        "value": ordered[column].to_numpy(dtype=float),
                        "basis": basis,
                        "scope": scope,
                        "among": len(known),
                    }
                )
    return pd.DataFrame(columns=["fragility", "value", "basis", "scope", "among"])


def actor_gaps(scores: dict[str, pd.Series]) -> pd.DataFrame:
    """Gaps between actors' mean scores for one fragility, for every pair of actors.

    ``scores`` maps an actor to its row (value, ci_low, ci_high) for that fragility. The gap is
    first − second with the interval ± 1,96 × √(se₁² + se₂²); significance is Holm-corrected
    across the pairs (:func:`phare.comparisons.column_differences`); ``None`` when not tested.
    """
    pairs = list(combinations(PROFILE_ACTORS, 2))
    first = pd.DataFrame([scores[a][["value", "ci_low", "ci_high"]] for a, _ in pairs])
    second = pd.DataFrame([scores[b][["value", "ci_low", "ci_high"]] for _, b in pairs])
    first, second = (frame.astype(float).reset_index(drop=True) for frame in (first, second))
    gap = first["value"] - second["value"]
    half = Z * np.hypot(
        (first["ci_high"] - first["ci_low"]) / (2 * Z),
        (second["ci_high"] - second["ci_low"]) / (2 * Z),
    )
    return pd.DataFrame(
        {
            "first": [a for a, _ in pairs],
            "second": [b for _, b in pairs],
            "gap": gap,
            "ci_low": gap - half,
            "ci_high": gap + half,
            "significant": column_differences(first, second),
            "status": np.where(gap.notna(), OK, NOT_PUBLISHED),
        }
    )


@dataclass(frozen=True, eq=False)
class RegionProfile:
    """The profile's blocks; read-only frames (the cache hands the same ones to every request)."""

    region: str
    fragilities: dict[str, pd.DataFrame]  # by actor: the 16 fragilities (fragility_rows)
    top: pd.DataFrame  # top_fragilities of every actor, with an ``actor`` column
    partnership: pd.DataFrame  # profile rows of PARTNERSHIP_INDICATORS
    mayors: pd.DataFrame  # profile rows of MAYOR_INDICATORS


def region_profile(context: DataContext, state: AppState, region: str) -> RegionProfile:
    """Every block of ``region``'s profile for the state's dataset and programme."""
    return context.memo(_profile, CACHED_PROFILES)(context, state.dataset, state.study, region)


def _profile(context: DataContext, dataset: str, study: str, region: str) -> RegionProfile:
    state = AppState(dataset=dataset, study=study)
    fragilities = {actor: fragility_rows(context, state, region, actor) for actor in PROFILE_ACTORS}
    top = [
        top_fragilities(
            fragilities[actor],
            profile_rows(
                context,
                state,
                region,
                [(actor, TOP3_SHARE, fragility) for fragility in context.catalogue.fragilities],
            ),
        ).assign(actor=actor)
        for actor in PROFILE_ACTORS
    ]
    return RegionProfile(
        region=region,
        fragilities=fragilities,
        top=pd.concat(top, ignore_index=True),
        partnership=indicator_rows(context, state, region, PARTNERSHIP_INDICATORS),
        mayors=indicator_rows(context, state, region, MAYOR_INDICATORS),
    )


def gaps_for(profile: RegionProfile, fragility: str) -> pd.DataFrame:
    """:func:`actor_gaps` of one fragility of the profile."""
    scores = {
        actor: rows.set_index("fragility").loc[fragility]
        for actor, rows in profile.fragilities.items()
    }
    return actor_gaps(scores)


def territory_rows(
    context: DataContext, state: AppState, territory: str, views: list[View]
) -> pd.DataFrame:
    """value, ci_low, ci_high, n, status of a region — or of France (``FR``) — for ``views``."""
    region = territory if territory != NATIONAL else next(iter(context.catalogue.regions))
    rows = profile_rows(context, state, region, views, keep_empty=True)
    if territory != NATIONAL:
        return rows
    france = rows.assign(
        value=rows["france"], ci_low=rows["france_low"], ci_high=rows["france_high"], n=np.nan
    )
    return france.assign(
        status=np.where(france["value"].notna(), OK, NOT_PUBLISHED),
        significant=None,
        best_rank=np.nan,
        worst_rank=np.nan,
    )
