"""Weighted estimates from microdata: value, 95 % interval, bases, status and significance.

:func:`estimate_cells` computes one view; :func:`estimate_all_cells` every view at once from
integer codes and :func:`numpy.bincount`. Both reduce the rows to the same sums
(:class:`phare.weighted.Moments`) and share the code that turns sums into estimates
(:func:`phare.weighted.estimate_block`); the formulas are documented in :mod:`phare.weighted`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from phare.catalogue import Catalogue, Segment
from phare.microdata_format import (
    HIGH_SCORE,
    MICRO_INDICATORS,
    SURVEYED_ACTORS,
    TOP3_COLUMNS,
    MicroIndicator,
    score_column,
)
from phare.weighted import (
    CAUTION_BASE,
    MIN_BASE,
    Moments,
    estimate_block,
)

ALL = "all"
FRANCE_CODE, FRANCE_NAME = "FR", "France"
CELL_COLUMNS = (
    "territory_code",
    "territory_name",
    "value",
    "ci_low",
    "ci_high",
    "n",
    "n_eff",
    "status",
    "significant",
)
ALL_CELLS_COLUMNS = (
    "actor",
    "segment",
    "territory_code",
    "indicator",
    "fragility",
    "value",
    "ci_low",
    "ci_high",
    "n",
    "n_eff",
    "status",
    "significant",
)

# -- one view ---------------------------------------------------------------------------------


def estimate_cells(
    microdata: pd.DataFrame,
    catalogue: Catalogue,
    *,
    actor: str,
    indicator: str,
    fragility: str | None = None,
    segment: str = ALL,
    by: str = "region",
    min_base: float = MIN_BASE,
    caution_base: float = CAUTION_BASE,
) -> pd.DataFrame:
    """One row per metropolitan region (catalogue order), then France."""
    spec = _check_view(catalogue, actor, indicator, fragility, segment, by)
    field = catalogue.segments[segment].field
    rows = _text_equals(microdata["actor"], actor)
    if field is not None:
        rows = rows & _text_equals(microdata[field], segment)
    codes = list(catalogue.regions)
    region = _region_codes(microdata["region_code"][rows], codes)
    y, present = _answers(microdata, rows, spec, fragility)
    w = microdata["weight"].to_numpy(dtype=float)[rows][present]
    block = estimate_block(
        _moments(region[present], y[present], w, len(codes)),
        np.asarray(spec.kind == "share"),
        min_base,
        caution_base,
    )
    names = [region.name for region in catalogue.regions.values()]
    frame = pd.DataFrame(
        {"territory_code": [*codes, FRANCE_CODE], "territory_name": [*names, FRANCE_NAME]}
    )
    for column in CELL_COLUMNS[2:]:
        frame[column] = block[column]
    return frame


def _check_view(
    catalogue: Catalogue,
    actor: str,
    indicator: str,
    fragility: str | None,
    segment: str,
    by: str,
) -> MicroIndicator:
    problems = []
    if by != "region":
        problems.append(f"estimates are by 'region' only, not {by!r}")
    if actor not in SURVEYED_ACTORS:
        problems.append(f"unknown actor {actor!r}; valid: {', '.join(SURVEYED_ACTORS)}")
    spec = MICRO_INDICATORS.get(indicator)
    if spec is None:
        valid = ", ".join(MICRO_INDICATORS)
        problems.append(f"indicator {indicator!r} is not computable from microdata; valid: {valid}")
    elif spec.per_fragility and fragility not in catalogue.fragilities:
        valid = ", ".join(catalogue.fragilities)
        problems.append(f"indicator {indicator!r} needs a fragility among: {valid}")
    elif not spec.per_fragility and fragility is not None:
        problems.append(f"indicator {indicator!r} is not per fragility; give no fragility")
    valid_segments = [ALL, *(s.id for s in _actor_segments(catalogue, actor))]
    if segment not in valid_segments:
        problems.append(
            f"segment {segment!r} is not a segment of {actor}; valid: {', '.join(valid_segments)}"
        )
    if problems:
        raise ValueError("; ".join(problems))
    return spec


def _actor_segments(catalogue: Catalogue, actor: str) -> list[Segment]:
    """The actor's segments held by a microdata column, in catalogue order."""
    return [s for s in catalogue.segments.values() if s.actor == actor and s.field is not None]


def _text_equals(column: pd.Series, value: str) -> np.ndarray:
    return (column == value).to_numpy(dtype=bool, na_value=False)


def _answers(
    frame: pd.DataFrame, rows: np.ndarray, spec: MicroIndicator, fragility: str | None
) -> tuple[np.ndarray, np.ndarray]:
    """The answer ``y`` of the selected rows and whether it is present."""
    if spec.column == "top3":
        priorities = frame.loc[rows, list(TOP3_COLUMNS)]
        cited = priorities.eq(fragility).any(axis=1).to_numpy(dtype=float)
        return cited, priorities.notna().any(axis=1).to_numpy(dtype=bool)
    column = spec.column.format(fragility=fragility)
    x = frame[column].to_numpy(dtype=float, na_value=np.nan)[rows]
    present = ~np.isnan(x)
    if column.startswith("score_") and spec.kind == "share":
        x = (x >= HIGH_SCORE).astype(float)
    return x, present


def _moments(group: np.ndarray, y: np.ndarray, w: np.ndarray, size: int) -> Moments:
    def total(weights: np.ndarray | None) -> np.ndarray:
        return np.bincount(group, weights=weights, minlength=size).astype(float)

    w2 = w * w
    return Moments(total(None), total(w), total(w2), total(w * y), total(w2 * y), total(w2 * y * y))


# -- every view -------------------------------------------------------------------------------


def estimate_all_cells(
    microdata: pd.DataFrame,
    catalogue: Catalogue,
    *,
    min_base: float = MIN_BASE,
    caution_base: float = CAUTION_BASE,
) -> pd.DataFrame:
    """Every (actor, segment, indicator, fragility) × (13 regions + France), in that order."""
    layout = _Layout.of(catalogue)
    regions = list(catalogue.regions)
    n_cells = layout.groups * len(regions)
    cells = _cell_codes(microdata, layout, regions)
    views = _views(catalogue)
    sums = _all_moments(microdata, list(catalogue.fragilities), cells, n_cells)
    # (cells, views) → (pairs, views, regions): a pair adds up its fine groups
    by_pair = sums.map(
        lambda a: np.einsum(
            "pg,grv->pvr", layout.membership, a.reshape(layout.groups, -1, len(views))
        )
    )
    share = np.array([MICRO_INDICATORS[indicator].kind == "share" for indicator, _ in views])
    block = estimate_block(by_pair, share[:, None], min_base, caution_base)
    pairs, territories = len(layout.pairs), len(regions) + 1
    per_pair = len(views) * territories
    frame = pd.DataFrame(
        {
            "actor": np.repeat([actor for actor, _ in layout.pairs], per_pair),
            "segment": np.repeat([segment for _, segment in layout.pairs], per_pair),
            "territory_code": np.tile([*regions, FRANCE_CODE], pairs * len(views)),
            "indicator": np.tile(np.repeat([i for i, _ in views], territories), pairs),
            "fragility": np.tile(np.repeat(np.array([f for _, f in views]), territories), pairs),
        }
    )
    for column in ALL_CELLS_COLUMNS[5:]:
        frame[column] = block[column].ravel()
    return frame


@dataclass(frozen=True)
class _Layout:
    """Fine groups (an actor's segment, or none) and the (actor, segment) pairs they make up."""

    pairs: tuple[tuple[str, str], ...]
    offsets: tuple[int, ...]  # first fine group of each surveyed actor; the next ones: segments
    segments: tuple[tuple[str, ...], ...]  # segment ids of each surveyed actor
    fields: tuple[str | None, ...]  # the column holding them
    groups: int
    membership: np.ndarray  # (pairs, groups) of 0/1

    @classmethod
    def of(cls, catalogue: Catalogue) -> _Layout:
        pairs, members, offsets, segments, columns = [], [], [], [], []
        for actor in SURVEYED_ACTORS:
            own = _actor_segments(catalogue, actor)
            start = sum(1 + len(ids) for ids in segments)
            offsets.append(start)
            segments.append(tuple(segment.id for segment in own))
            columns.append(own[0].field if own else None)
            if len({segment.field for segment in own}) > 1:
                raise ValueError(f"segments of {actor} are spread over several columns")
            pairs.append((actor, ALL))
            members.append(range(start, start + 1 + len(own)))
            for index, segment in enumerate(own, start=start + 1):
                pairs.append((actor, segment.id))
                members.append(range(index, index + 1))
        groups = sum(1 + len(ids) for ids in segments)
        membership = np.zeros((len(pairs), groups))
        for row, member in enumerate(members):
            membership[row, list(member)] = 1.0
        return cls(
            tuple(pairs), tuple(offsets), tuple(segments), tuple(columns), groups, membership
        )


def _views(catalogue: Catalogue) -> list[tuple[str, str | None]]:
    return [
        (indicator.id, fragility)
        for indicator in MICRO_INDICATORS.values()
        for fragility in (catalogue.fragilities if indicator.per_fragility else [None])
    ]


def _codes(column: pd.Series, ids: Sequence[str]) -> np.ndarray:
    """Position of each value in ``ids``, -1 when blank or unknown.

    Categorical columns are read from their codes; text columns are looked up by Arrow's hash
    join, about twice as fast as ``pandas.factorize`` on a million rows.
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        lookup = pd.Index(list(ids)).get_indexer(column.cat.categories.astype(str))
        return np.append(lookup, -1)[column.cat.codes.to_numpy()]
    text = column if isinstance(column.dtype, pd.StringDtype) else column.astype("str")
    values = pa.array(text, from_pandas=True)
    return pc.index_in(values, value_set=pa.array(list(ids))).fill_null(-1).to_numpy()


def _region_codes(
    column: pd.Series, regions: list[str], rows: np.ndarray | None = None
) -> np.ndarray:
    """Region position of each row; a region outside the 13 (in ``rows``) is an error."""
    codes = _codes(column, regions)
    bad = codes < 0
    if rows is not None:
        bad &= rows
    if bad.any():
        found = ", ".join(sorted({str(code) for code in column[bad]}))
        raise ValueError(f"region_code not among the regions ({', '.join(regions)}): {found}")
    return codes


def _cell_codes(frame: pd.DataFrame, layout: _Layout, regions: list[str]) -> np.ndarray:
    """Fine group × region of each row; rows of other actors go to one extra, dropped cell."""
    actor = _codes(frame["actor"], SURVEYED_ACTORS)
    surveyed = actor >= 0
    region = _region_codes(frame["region_code"], regions, rows=surveyed)
    group = np.zeros(len(frame), dtype=np.intp)
    for index, field in enumerate(layout.fields):
        within = 0
        if field is not None:
            ids = layout.segments[index]
            segment = _codes(frame[field], ids)
            within = segment + 1
        group = np.where(actor == index, layout.offsets[index] + within, group)
    return np.where(surveyed, group * len(regions) + region, layout.groups * len(regions))


def _all_moments(
    frame: pd.DataFrame, fragilities: list[str], cells: np.ndarray, n_cells: int
) -> Moments:
    """Sums of every view (columns, in :func:`_views` order) for each cell (rows)."""
    w = frame["weight"].to_numpy(dtype=float)
    w2 = w * w
    scores = _score_histograms(frame, fragilities, cells, n_cells, w, w2)
    levels = np.arange(11, dtype=float)
    by_level = {"mean": levels, "share": (levels >= HIGH_SCORE).astype(float)}
    blocks = []
    for spec in MICRO_INDICATORS.values():
        if spec.column == "top3":
            blocks.append(_top3_moments(frame, fragilities, cells, n_cells, w, w2))
        elif spec.per_fragility:
            moments = [_level_moments(counts, by_level[spec.kind]) for counts in scores]
            blocks.append(moments[0].map(lambda *a: np.stack(a, axis=1), *moments[1:]))
        else:
            counts = _histogram(cells, n_cells, _levels(frame[spec.column], 0, 1), 3, w, w2)
            blocks.append(_level_moments(counts, np.array([0.0, 0.0, 1.0])).map(_column))
    return blocks[0].map(lambda *a: np.concatenate(a, axis=1), *blocks[1:])


def _score_histograms(
    frame: pd.DataFrame,
    fragilities: list[str],
    cells: np.ndarray,
    n_cells: int,
    w: np.ndarray,
    w2: np.ndarray,
) -> list[tuple[np.ndarray, ...]]:
    """Histogram of each score; two scores share one pass (an 11 × 11 joint histogram per cell,
    still small enough for the CPU cache), which halves the passes over the rows."""
    histograms = []
    for first in range(0, len(fragilities), 2):
        names = fragilities[first : first + 2]
        joint = np.zeros(len(cells), dtype=np.intp)
        for name in names:
            joint = joint * 11 + _levels(frame[score_column(name)], 1, 10)
        sums = _histogram(cells, n_cells, joint, 11 ** len(names), w, w2)
        shaped = [total.reshape(n_cells, *[11] * len(names)) for total in sums]
        for axis in range(1, len(names) + 1):
            others = tuple(other for other in range(1, len(names) + 1) if other != axis)
            histograms.append(tuple(total.sum(axis=others) for total in shaped))
    return histograms


def _column(array: np.ndarray) -> np.ndarray:
    return array[:, None]


def _levels(column: pd.Series, low: int, high: int) -> np.ndarray:
    """Level of each answer: 0 when blank, 1 for ``low`` … ``high - low + 1`` for ``high``.

    Answers are whole numbers (the import format); values outside ``low``-``high`` are refused
    because they would fall into a neighbouring cell's bins.
    """
    x = column.to_numpy(dtype=float, na_value=np.nan)
    if x.size and (np.fmin.reduce(x) < low or np.fmax.reduce(x) > high):
        raise ValueError(f"{column.name}: answers must lie between {low} and {high}")
    return (np.fmax(x, low - 1) - (low - 1)).astype(np.intp)


def _histogram(
    cells: np.ndarray, n_cells: int, levels: np.ndarray, size: int, w: np.ndarray, w2: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Count, Σw and Σw² per (cell, level): arrays of shape (n_cells, size)."""
    key = cells * size + levels

    def total(weights: np.ndarray | None) -> np.ndarray:
        sums = np.bincount(key, weights=weights, minlength=(n_cells + 1) * size)
        return sums.reshape(n_cells + 1, size)[:-1].astype(float)

    return total(None), total(w), total(w2)


def _level_moments(counts: tuple[np.ndarray, ...], y: np.ndarray) -> Moments:
    """Sums of a cell from its histogram; ``y`` is the answer's value at each level."""
    count, w, w2 = counts
    answered = (np.arange(y.size) > 0).astype(float)
    y = y * answered
    return Moments(count @ answered, w @ answered, w2 @ answered, w @ y, w2 @ y, w2 @ (y * y))


def _top3_moments(
    frame: pd.DataFrame,
    fragilities: list[str],
    cells: np.ndarray,
    n_cells: int,
    w: np.ndarray,
    w2: np.ndarray,
) -> Moments:
    """Base: rows giving at least one priority; y = 1 when the fragility is among them."""
    size = len(fragilities)
    codes = [_codes(frame[column], fragilities) for column in TOP3_COLUMNS]
    answered = frame[list(TOP3_COLUMNS)].notna().any(axis=1).to_numpy(dtype=bool)
    base = _histogram(np.where(answered, cells, n_cells), n_cells, np.zeros_like(cells), 1, w, w2)
    cited_w = np.zeros((n_cells, size))
    cited_w2 = np.zeros((n_cells, size))
    for position, code in enumerate(codes):
        cites = code >= 0
        for earlier in codes[:position]:  # a fragility given twice is cited once
            cites &= code != earlier
        _, sum_w, sum_w2 = _histogram(
            np.where(cites, cells, n_cells), n_cells, np.where(cites, code, 0), size, w, w2
        )
        cited_w += sum_w
        cited_w2 += sum_w2
    count, sum_w, sum_w2 = (np.broadcast_to(total, cited_w.shape) for total in base)
    return Moments(count, sum_w, sum_w2, cited_w, cited_w2, cited_w2)
