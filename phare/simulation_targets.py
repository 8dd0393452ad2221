"""What the simulator aims at: the published national and regional figures it is calibrated on.

Targets come from the PHARE programme's studies only (not IMPACT); where one cell has several
published rows, the most confident one is used. Cells never published get a plausible value,
listed here (:data:`INVENTED_MEANS`, :data:`INVENTED_SHARES`) as not calibrated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from phare.catalogue import Catalogue
from phare.microdata_format import (
    BINARY_COLUMNS,
    SURVEYED_ACTORS,
    score_column,
)

# NOT CALIBRATED: plausible national mean scores for cells no PHARE source gives (the mayors'
# ranking favours rural concerns: mobility, digital access, health, ageing).
INVENTED_MEANS = {
    "citoyens": {"sante": 6.0, "transition_energetique": 5.6},
    "associations": {
        "diversite_handicap": 5.6,
        "education": 5.6,
        "acces_numerique": 5.0,
        "culture_loisirs": 5.2,
        "environnement": 5.2,
    },
    "maires": {
        "emploi": 6.0,
        "developpement_economique": 6.3,
        "niveau_de_vie": 5.4,
        "pauvrete": 4.9,
        "mal_logement": 4.3,
        "diversite_handicap": 4.2,
        "vieillissement": 6.2,
        "isolement_lien_social": 5.6,
        "securite": 4.1,
        "education": 4.8,
        "mobilite": 6.4,
        "sante": 6.0,
        "acces_numerique": 6.1,
        "culture_loisirs": 4.9,
        "environnement": 4.6,
        "transition_energetique": 5.0,
    },
}
# NOT CALIBRATED: plausible national shares (%) for cells no PHARE source gives.
INVENTED_SHARES = {
    "maires": {"partnership": 55.0, "intend_partnership": 40.0},
    "entreprises": {"intend_partnership": 20.0},
}
INDICATOR_COLUMNS = {
    "partnership_innovation_share": "innovation",
    "partnership_rate": "partnership",
    "intend_partnership_share": "intend_partnership",
}
WHOLE_ACTOR_SEGMENTS = frozenset({"all"})  # segment of the whole study population
CONFIDENCE_RANK = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class Target:
    """What one actor's answers to one column are calibrated to (means 1-10, shares in %)."""

    national: float
    published: bool
    regional: dict[str, float] = field(default_factory=dict)
    segments: dict[str, float] = field(default_factory=dict)


def published_cells(catalogue: Catalogue, published: pd.DataFrame) -> pd.DataFrame:
    """PHARE figures computable from microdata: actor, column, segment, region_code, value.

    ``segment`` is ``""`` for the whole actor. Where a cell has several rows the most confident
    one is kept; segments with no microdata field (``1000+ salariés``…) are left out.
    """
    rows = published[
        published["study"].str.startswith("PHARE-")
        & published["actor"].isin(SURVEYED_ACTORS)
        & published["indicator"].isin(["fragility_mean_score", *INDICATOR_COLUMNS])
    ].copy()
    is_score = rows["indicator"].eq("fragility_mean_score")
    rows["column"] = rows["indicator"].map(INDICATOR_COLUMNS)
    rows.loc[is_score, "column"] = "score_" + rows.loc[is_score, "fragility"]
    rows["segment"] = [
        _segment_key(catalogue, actor, segment)
        for actor, segment in zip(rows["actor"], rows["segment"], strict=True)
    ]
    rows["rank"] = rows["confidence"].map(CONFIDENCE_RANK)
    rows = rows[rows["segment"].notna()].sort_values("rank", kind="stable")
    keys = ["actor", "column", "segment", "region_code"]
    return rows.drop_duplicates(keys)[[*keys, "value"]].reset_index(drop=True)


def _segment_key(catalogue: Catalogue, actor: str, segment: str) -> str | None:
    if segment in WHOLE_ACTOR_SEGMENTS:
        return ""
    entry = catalogue.segments.get(segment)
    if entry is not None and entry.actor == actor and entry.field is not None:
        return segment
    return None


def calibration_targets(
    catalogue: Catalogue, published: pd.DataFrame
) -> dict[tuple[str, str], Target]:
    """Target of each (actor, column): published where a figure exists, else invented."""
    cells = published_cells(catalogue, published)
    columns = [score_column(fragility) for fragility in catalogue.fragilities]
    targets = {}
    for actor in SURVEYED_ACTORS:
        for column in [*columns, *BINARY_COLUMNS]:
            target = _target(cells[(cells["actor"] == actor) & (cells["column"] == column)])
            invented = _invented(actor, column)
            if target is None and invented is not None:
                target = Target(invented, published=False)
            if target is not None:
                targets[(actor, column)] = target
    return targets


def _target(cells: pd.DataFrame) -> Target | None:
    whole = cells[cells["segment"] == ""]
    national = whole.loc[whole["region_code"] == "FR", "value"]
    if national.empty:
        return None
    regional = whole[whole["region_code"] != "FR"]
    segments = cells[(cells["segment"] != "") & (cells["region_code"] == "FR")]
    return Target(
        float(national.iloc[0]),
        published=True,
        regional=dict(zip(regional["region_code"], regional["value"], strict=True)),
        segments=dict(zip(segments["segment"], segments["value"], strict=True)),
    )


def _invented(actor: str, column: str) -> float | None:
    if column.startswith("score_"):
        return INVENTED_MEANS.get(actor, {}).get(column.removeprefix("score_"))
    return INVENTED_SHARES.get(actor, {}).get(column)
