"""The France page's numbers (``/region/FR``): what the national surveys say, actor by actor.

Most published PHARE figures are national (146 of 166): this is where they are read. Every row
is France's row of :func:`dashboard.core.values.view_columns`, the function behind the map, so
the France page, a profile's France column and the map never disagree; a published figure
keeps what its source says of it (confidence, source date, question), an estimate its interval.

The actors answered different questions of different populations (companies score lower on
every fragility), so the comparison that holds is a rank within one actor: :func:`with_ranks`
ranks each actor's fragilities, and a raw gap between two actors is never computed here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import AppState
from dashboard.core.values import view_columns
from dashboard.views.region import PROFILE_ACTORS
from phare.published import NATIONAL

SCORE = "fragility_mean_score"
SCORES_FAMILY = "fragility_scores"
LOW = "low"  # a published value read from damaged OCR: drawn hollow, « lecture incertaine »
SHARE_UNITS = ("pct",)  # what a ranked chart draws; counts and points go to the key figures
NATIONAL_COLUMNS = (
    "actor",
    "indicator",
    "fragility",
    "family",
    "unit",
    "value",
    "ci_low",
    "ci_high",
    "n",
    "status",
    "confidence",  # high, medium, low for a published figure; "" for an estimate
    "source",  # the credit line of the figure's source
    "study",  # study id of a published figure, else None
    "source_date",  # the source's publication date ("2016-02-29"), "" for an estimate
    "question",  # the source's question number ("Q1"), "" when none
    "note",
)
CACHED_PAGES = 8  # (dataset, programme) pairs kept per data context


@dataclass(frozen=True, eq=False)
class FranceFigures:
    """Every national figure of a dataset and programme (read-only frames, shared by requests).

    ``scores``: one row per fragility (catalogue order) and actor with a score, ranked within
    the actor. ``shares``: the other figures in percent, by family. ``key_figures``: counts,
    averages and changes in points, which no percent axis can hold.
    """

    scores: pd.DataFrame  # NATIONAL_COLUMNS + group, rank, ranked (per fragility and actor)
    shares: pd.DataFrame  # NATIONAL_COLUMNS, ordered by family then value (highest first)
    key_figures: pd.DataFrame  # NATIONAL_COLUMNS
    score_actors: tuple[str, ...]  # actors with at least one score, catalogue order
    unscored_actors: tuple[str, ...]  # the four surveyed actors' without any score


def france_figures(context: DataContext, state: AppState) -> FranceFigures:
    """:class:`FranceFigures` of the state's dataset and programme (cached per context)."""
    return context.memo(_france_figures, CACHED_PAGES)(context, state.dataset, state.study)


def _france_figures(context: DataContext, dataset: str, study: str) -> FranceFigures:
    state = AppState(dataset=dataset, study=study)
    rows = national_rows(context, state)
    scores = rows[rows["indicator"] == SCORE]
    others = rows[(rows["indicator"] != SCORE) & (rows["family"] != SCORES_FAMILY)]
    shares = others[others["unit"].isin(SHARE_UNITS)]
    families = list(context.catalogue.families)
    ordered = shares.assign(_family=shares["family"].map(families.index)).sort_values(
        ["_family", "value"], ascending=[True, False], kind="stable"
    )
    score_actors = tuple(a for a in context.catalogue.actors if a in set(scores["actor"]))
    return FranceFigures(
        scores=with_ranks(score_table(context, scores)),
        shares=ordered.drop(columns="_family").reset_index(drop=True),
        key_figures=others[~others["unit"].isin(SHARE_UNITS)].reset_index(drop=True),
        score_actors=score_actors,
        unscored_actors=tuple(a for a in PROFILE_ACTORS if a not in score_actors),
    )


def national_rows(context: DataContext, state: AppState) -> pd.DataFrame:
    """:data:`NATIONAL_COLUMNS` of every view of the catalogue that has a national value
    (segment "all"), in the catalogue's order of indicators, actors and fragilities."""
    catalogue = context.catalogue
    rows = []
    for indicator in catalogue.indicators.values():
        # per fragility, or all domains together (an empty fragility)
        fragilities = [*catalogue.fragilities, None] if indicator.per_fragility else [None]
        for actor in catalogue.actors:
            for fragility in fragilities:
                row = national_row(context, state, actor, indicator.id, fragility)
                if row is not None:
                    rows.append(row)
    return pd.DataFrame(rows, columns=list(NATIONAL_COLUMNS))


def national_row(
    context: DataContext,
    state: AppState,
    actor: str,
    indicator: str,
    fragility: str | None,
    segment: str = "all",
) -> dict | None:
    """France's figure of one view (the whole actor unless ``segment``) with what its source
    says of it, or None without one."""
    view = state.model_copy(
        update={"actor": actor, "indicator": indicator, "fragility": fragility, "segment": segment}
    )
    columns = view_columns(context, view)
    at = int(np.flatnonzero(columns["code"] == NATIONAL)[0])
    value = float(columns["value"][at])
    if np.isnan(value):
        return None
    spec = context.catalogue.indicators[indicator]
    detail = published_detail(context, view)
    return {
        "actor": actor,
        "indicator": indicator,
        "fragility": fragility,
        "family": spec.family,
        "unit": spec.unit,
        **{name: columns[name][at] for name in ("value", "ci_low", "ci_high", "n", "status")},
        **detail,
        "source": columns["source"][at],
        "study": columns["study"][at],
        "note": columns["note"][at] or "",
    }


def published_detail(context: DataContext, view: AppState, code: str = NATIONAL) -> dict[str, str]:
    """Confidence, source date and question of ``code``'s published figure of the view (France
    by default); "" for each where the view has no published figure there (an estimate)."""
    empty = {"confidence": "", "source_date": "", "question": ""}
    if context.dataset(view.dataset).kind != "published":
        return empty
    key = (view.study, view.actor, view.segment, view.indicator, view.fragility)
    rows = context.published_views.get(key)
    if rows is None:
        return empty
    there = rows[rows["region_code"] == code]
    if there.empty:
        return empty
    row = there.iloc[0]
    return {
        name: "" if pd.isna(row[name]) else str(row[name])
        for name in ("confidence", "source_date", "question")
    }


def score_table(context: DataContext, scores: pd.DataFrame) -> pd.DataFrame:
    """The scores in the catalogue's order of fragilities (grouped by the 4 groups), then
    actors, with each fragility's ``group``."""
    catalogue = context.catalogue
    fragilities = list(catalogue.fragilities)
    actors = list(catalogue.actors)
    ordered = scores.assign(
        _fragility=scores["fragility"].map(fragilities.index),
        _actor=scores["actor"].map(actors.index),
    ).sort_values(["_fragility", "_actor"], kind="stable")
    ordered = ordered.drop(columns=["_fragility", "_actor"]).reset_index(drop=True)
    return ordered.assign(group=ordered["fragility"].map(lambda f: catalogue.fragilities[f].group))


def with_ranks(scores: pd.DataFrame) -> pd.DataFrame:
    """Each actor's fragilities ranked by score, 1 the highest (ties share the better rank),
    with ``ranked``: how many fragilities the actor scored."""
    by_actor = scores.groupby("actor")["value"]
    return scores.assign(
        rank=by_actor.rank(ascending=False, method="min").astype(int),
        ranked=by_actor.transform("count").astype(int),
    )


def fragility_order(context: DataContext, scores: pd.DataFrame, sort: str | None) -> list[str]:
    """The fragilities as the chart lists them: the catalogue's order (by group) without
    ``sort``; by ``sort``'s score, highest first, then those it did not score, otherwise."""
    catalogue_order = list(context.catalogue.fragilities)
    if sort is None or sort not in set(scores["actor"]):
        return catalogue_order
    mine = scores[scores["actor"] == sort].set_index("fragility")["value"]
    return sorted(
        catalogue_order,
        key=lambda f: (f not in mine.index, -mine.get(f, 0.0), catalogue_order.index(f)),
    )


def score_matrix(
    context: DataContext, figures: FranceFigures, sort: str | None
) -> tuple[list[str], dict[str, pd.DataFrame]]:
    """(fragilities in the chart's order, each scoring actor's rows in that order: one row per
    fragility, NaN where the actor gave no score)."""
    order = fragility_order(context, figures.scores, sort)
    by_actor = {
        actor: figures.scores[figures.scores["actor"] == actor]
        .set_index("fragility")
        .reindex(order)
        .reset_index()
        for actor in figures.score_actors
    }
    return order, by_actor


@dataclass(frozen=True)
class Lowest:
    """The actor whose score is the lowest for most fragilities every scoring actor scored."""

    actor: str
    count: int  # fragilities where its score is the lowest (ties count for none)
    shared: int  # fragilities every scoring actor scored


def lowest_actor(scores: pd.DataFrame) -> Lowest | None:
    """What the page says beside the chart: which actor scores lowest, on how many of the
    fragilities they all scored (None with fewer than two actors)."""
    table = scores.pivot(index="fragility", columns="actor", values="value").dropna()
    if table.shape[1] < 2 or table.empty:
        return None
    lowest = table.idxmin(axis=1)[table.rank(axis=1, method="min").eq(1).sum(axis=1) == 1]
    if lowest.empty:
        return None
    actor = lowest.value_counts().idxmax()
    return Lowest(actor, int((lowest == actor).sum()), len(table))


def is_uncertain(confidence: object) -> bool:
    """A figure its source gives with low confidence (damaged OCR): drawn hollow."""
    return confidence == LOW
