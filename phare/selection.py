"""Pure selections over the tidy aggregates: one value per territory for a chosen view.

A territory with no published row gets status ``non_publie`` and no value: nothing is
interpolated and no national value stands in for a region.
"""

from __future__ import annotations

import pandas as pd

from phare.catalogue import Catalogue
from phare.published import CONFIDENCE_LEVELS

OK = "ok"
NOT_PUBLISHED = "non_publie"
NOT_COVERED = "non_couvert"
REGION_COLUMNS = (
    "region_code",
    "region_name",
    "value",
    "status",
    "base_n",
    "study",
    "source",
    "source_date",
    "question",
    "confidence",
    "alternatives",
    "joint_with",
    "notes",
)


def select_region_values(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    *,
    indicator: str,
    actor: str,
    segment: str = "all",
    programme: str = "phare",
    fragility: str | None = None,
    territories: list[str] | None = None,
) -> pd.DataFrame:
    """One row per metropolitan region (catalogue order) for the given cell of the data.

    ``territories`` replaces that list of codes (e.g. the regions then ``FR`` for France).

    Where a region has several published values for the same cell, the rule is: the highest
    confidence wins, then the latest source date, then the first row of the file;
    ``alternatives`` counts the others, which stay visible in the data table. A figure published
    for several regions together is shown on each, ``joint_with`` naming them.
    """
    studies = [s.id for s in catalogue.studies.values() if s.programme == programme]
    codes = list(catalogue.regions) if territories is None else territories
    names = {code: region.name for code, region in catalogue.regions.items()}
    mask = (
        (frame["indicator"] == indicator)
        & (frame["actor"] == actor)
        & (frame["segment"] == segment)
        & frame["study"].isin(studies)
        & frame["region_code"].isin(codes)
    )
    mask &= frame["fragility"].isna() if fragility is None else frame["fragility"] == fragility
    chosen = _choose_one_per_region(frame[mask])
    regions = pd.DataFrame(
        {"region_code": codes, "region_name": [names.get(code, "France") for code in codes]}
    )
    merged = regions.merge(
        chosen.drop(columns=["region_name"]), on="region_code", how="left", validate="one_to_one"
    )
    merged["status"] = merged["value"].notna().map({True: OK, False: NOT_PUBLISHED})
    merged["alternatives"] = merged["alternatives"].fillna(0).astype(int)
    return merged[list(REGION_COLUMNS)]


ViewKey = tuple[str, str, str, str, str | None]  # programme, actor, segment, indicator, fragility


def every_region_view(
    frame: pd.DataFrame, catalogue: Catalogue, territories: list[str] | None = None
) -> dict[ViewKey, pd.DataFrame]:
    """:func:`select_region_values` of every view the figures publish, computed once.

    About a second for the ~140 published views; a view missing here has no published value
    anywhere, and :func:`select_region_values` gives it as "non publié" throughout.
    """
    programme_of = {study.id: study.programme for study in catalogue.studies.values()}
    keyed = frame.assign(programme=frame["study"].map(programme_of))
    keys = ["programme", "actor", "segment", "indicator", "fragility"]
    views = {}
    for key, rows in keyed.groupby(keys, dropna=False, sort=False):
        programme, actor, segment, indicator, fragility = key
        fragility = None if pd.isna(fragility) else fragility
        views[(programme, actor, segment, indicator, fragility)] = select_region_values(
            rows.drop(columns="programme"),
            catalogue,
            indicator=indicator,
            actor=actor,
            segment=segment,
            programme=programme,
            fragility=fragility,
            territories=territories,
        )
    return views


def _choose_one_per_region(rows: pd.DataFrame) -> pd.DataFrame:
    rank = rows["confidence"].map({level: i for i, level in enumerate(CONFIDENCE_LEVELS)})
    ordered = rows.assign(
        _rank=rank, _date=rows["source_date"].map(date_order), _order=range(len(rows))
    ).sort_values(["_rank", "_date", "_order"], ascending=[True, False, True])
    counts = (ordered.groupby("region_code").size() - 1).rename("alternatives").reset_index()
    first = ordered.drop_duplicates("region_code", keep="first")
    return first.drop(columns=["_rank", "_date", "_order"]).merge(counts, on="region_code")


def date_order(source_date: str) -> tuple[int, int, int]:
    """Sortable form of a source date: "2016-02-29", "2015-10", "2016"; undated ("n.d. …") first."""
    parts = source_date.split("-")
    try:
        numbers = [int(part) for part in parts[:3]]
    except ValueError:
        return (0, 0, 0)
    return (*numbers, *[0] * (3 - len(numbers)))


def coverage(values: pd.DataFrame) -> tuple[int, int]:
    """(territories with a published value, territories in the view)."""
    return int((values["status"] == OK).sum()), len(values)
