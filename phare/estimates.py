"""Weighted estimates from microdata: value, 95 % interval, bases, status and significance.

Formulas (item respondents only: the rows where the answer is present):

- effective base (Kish): ``n_eff = (Σw)² / Σw²``;
- mean ``ȳ = Σwy / Σw`` with the linearised variance ``n/(n-1) · Σw²(y-ȳ)² / (Σw)²`` and the
  interval ``ȳ ± 1.96·se``;
- share ``p`` (shown in %) with the same variance for its ``se`` and a Wilson interval computed
  on ``n_eff`` (it stays inside 0-100 and is not empty at 0 % or 100 %);
- status: ``supprime`` under ``min_base`` effective respondents (value and interval become NaN,
  never 0), ``prudence`` under ``caution_base``, else ``ok``;
- significance of a region against the rest of France (the same cell's respondents of the
  other regions): z test on the difference with the two se's, two-sided p, Holm correction
  within the 13 regions of one (actor, segment, indicator, fragility).

:func:`estimate_cells` computes one view; :func:`estimate_all_cells` every view at once from
integer codes and :func:`numpy.bincount`. Both reduce the rows to the same sums (``_Moments``)
and share the code that turns sums into estimates; the primitives (:func:`weighted_mean`,
:func:`weighted_share`) compute the same formulas directly and serve as the reference in tests.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy.stats import norm
from statsmodels.stats.multitest import multipletests

from phare.catalogue import Catalogue, Segment
from phare.microdata_format import (
    HIGH_SCORE,
    MICRO_INDICATORS,
    SURVEYED_ACTORS,
    TOP3_COLUMNS,
    MicroIndicator,
    score_column,
)
from phare.settings import SETTINGS

Z = 1.96
ALPHA = 0.05
OK, PRUDENCE, SUPPRIME = "ok", "prudence", "supprime"
ALL = "all"
FRANCE_CODE, FRANCE_NAME = "FR", "France"
MIN_BASE: int = next(s.default for s in SETTINGS if s.name == "min_base")
CAUTION_BASE: int = next(s.default for s in SETTINGS if s.name == "caution_base")
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


@dataclass(frozen=True)
class Estimate:
    """One weighted estimate; ``n`` counts the answers, ``se`` is in the unit of ``value``."""

    value: float
    ci_low: float
    ci_high: float
    n: int
    n_eff: float
    se: float


# -- primitives -------------------------------------------------------------------------------


def kish_effective_n(weights: np.ndarray | Sequence[float]) -> float:
    w = np.asarray(weights, dtype=float)
    squares = float(np.sum(w * w))
    return float(np.sum(w)) ** 2 / squares if squares > 0 else 0.0


def weighted_mean(values: np.ndarray | Sequence[float], weights: np.ndarray) -> Estimate:
    """Weighted mean of the present values (NaN = no answer) with a normal 95 % interval."""
    y, w = _answered(values, weights)
    if y.size == 0:
        return Estimate(np.nan, np.nan, np.nan, 0, 0.0, np.nan)
    mean = float(w @ y / w.sum())
    se = _linearised_se(y, w, mean)
    return Estimate(mean, mean - Z * se, mean + Z * se, y.size, kish_effective_n(w), se)


def weighted_share(values: np.ndarray | Sequence[float], weights: np.ndarray) -> Estimate:
    """Weighted share in % of the 1s among the present 0/1 values, with a Wilson interval."""
    y, w = _answered(values, weights)
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError("a share is computed from 0/1 answers (NaN = no answer)")
    if y.size == 0:
        return Estimate(np.nan, np.nan, np.nan, 0, 0.0, np.nan)
    share = float(w @ y / w.sum())
    n_eff = kish_effective_n(w)
    low, high = wilson_interval(share, n_eff)
    se = 100 * _linearised_se(y, w, share)
    return Estimate(100 * share, 100 * float(low), 100 * float(high), y.size, n_eff, se)


def wilson_interval(
    share: float | np.ndarray, n_eff: float | np.ndarray, z: float = Z
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a proportion (0-1) on an effective base; arrays or floats."""
    with np.errstate(divide="ignore", invalid="ignore"):
        z2n = z * z / n_eff
        centre = (share + z2n / 2) / (1 + z2n)
        half = z * np.sqrt(share * (1 - share) / n_eff + z2n / (4 * n_eff)) / (1 + z2n)
    # exact bounds at 0 and 1 (rounding would give 0.9999999999999999)
    low = np.where(share <= 0, 0.0, np.clip(centre - half, 0.0, 1.0))
    return low, np.where(share >= 1, 1.0, np.clip(centre + half, 0.0, 1.0))


def cell_status(
    n_eff: float, min_base: float = MIN_BASE, caution_base: float = CAUTION_BASE
) -> str:
    return str(_statuses(np.asarray(n_eff), min_base, caution_base))


def difference_p_value(estimate: Estimate, other: Estimate) -> float:
    """Two-sided p of a z test on the difference of two independent estimates."""
    return float(
        _two_sided_p(
            np.asarray(estimate.value - other.value), np.asarray(np.hypot(estimate.se, other.se))
        )
    )


def holm_significant(p_values: np.ndarray, alpha: float = ALPHA) -> list[bool | None]:
    """Holm decision for one family; a NaN p (cell not tested) gives ``None``."""
    p = np.asarray(p_values, dtype=float)
    tested = ~np.isnan(p)
    decisions: list[bool | None] = [None] * p.size
    if tested.any():
        with _cheap_gc():
            reject = multipletests(p[tested], alpha=alpha, method="holm")[0]
        for index, value in zip(np.flatnonzero(tested), reject, strict=True):
            decisions[index] = bool(value)
    return decisions


@contextmanager
def _cheap_gc() -> Iterator[None]:
    """statsmodels' Holm branch calls ``gc.collect()`` on every call (statsmodels PR #8671,
    never merged), ~20 ms with pandas loaded; freezing the existing objects makes that collection
    scan only the new ones. Nothing is lost: unfreezing hands them back to the collector."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _answered(values, weights) -> tuple[np.ndarray, np.ndarray]:
    y = np.asarray(values, dtype=float)
    w = np.asarray(weights, dtype=float)
    present = ~np.isnan(y)
    return y[present], w[present]


def _linearised_se(y: np.ndarray, w: np.ndarray, mean: float) -> float:
    n = y.size
    if n < 2:
        return np.nan
    return float(np.sqrt(n / (n - 1) * np.sum(w * w * (y - mean) ** 2) / w.sum() ** 2))


def _statuses(n_eff: np.ndarray, min_base: float, caution_base: float) -> np.ndarray:
    if caution_base < min_base:
        raise ValueError(f"caution_base ({caution_base}) is below min_base ({min_base})")
    return np.where(n_eff < min_base, SUPPRIME, np.where(n_eff < caution_base, PRUDENCE, OK))


def _two_sided_p(difference: np.ndarray, sd: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        p = 2 * norm.sf(np.abs(difference) / sd)
    # two identical estimates without spread (two shares of 0 %) do not differ
    return np.where((sd == 0) & (difference == 0), 1.0, p)


# -- from sums to estimates (shared by both entries) --------------------------------------------


@dataclass(frozen=True)
class _Moments:
    """Sums over the answers of cells: count, Σw, Σw², Σwy, Σw²y, Σw²y² (arrays, same shape)."""

    n: np.ndarray
    w: np.ndarray
    w2: np.ndarray
    wy: np.ndarray
    w2y: np.ndarray
    w2y2: np.ndarray

    def map(self, function: Callable[..., np.ndarray], *others: _Moments) -> _Moments:
        names = [field.name for field in fields(self)]
        return _Moments(
            *(function(getattr(self, f), *(getattr(o, f) for o in others)) for f in names)
        )


def _finish(m: _Moments, share: np.ndarray) -> dict[str, np.ndarray]:
    """Value, se, interval and n_eff of each cell; ``share`` (broadcast) marks the % cells."""
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = m.wy / m.w
        n_eff = np.where(m.w2 > 0, m.w * m.w / m.w2, 0.0)
        spread = np.maximum(m.w2y2 - 2 * mean * m.w2y + mean * mean * m.w2, 0.0)
        variance = np.where(m.n > 1, m.n / (m.n - 1) * spread / (m.w * m.w), np.nan)
    se = np.sqrt(variance)
    low, high = wilson_interval(mean, n_eff)
    scale = np.where(share, 100.0, 1.0)
    return {
        "value": mean * scale,
        "se": se * scale,
        "ci_low": np.where(share, 100 * low, mean - Z * se),
        "ci_high": np.where(share, 100 * high, mean + Z * se),
        "n": m.n.astype(np.int64),
        "n_eff": n_eff,
    }


def _estimate_block(
    regions: _Moments, share: np.ndarray, min_base: float, caution_base: float
) -> dict[str, np.ndarray]:
    """Estimates of sums per region (last axis: the 13 regions) plus France, last."""
    france = regions.map(lambda a: a.sum(axis=-1, keepdims=True))
    rest = france.map(lambda f, r: f - r, regions)
    block = _finish(regions.map(lambda r, f: np.concatenate([r, f], axis=-1), france), share)
    others = _finish(rest, share)
    block["status"] = _statuses(block["n_eff"], min_base, caution_base)
    suppressed = block["status"] == SUPPRIME
    for key in ("value", "ci_low", "ci_high", "se"):
        block[key] = np.where(suppressed, np.nan, block[key])
    p = _two_sided_p(
        block["value"][..., :-1] - others["value"], np.hypot(block["se"][..., :-1], others["se"])
    )
    families = p.reshape(-1, p.shape[-1])
    significant = np.empty(block["value"].shape, dtype=object)
    significant[..., :-1] = np.array(
        [holm_significant(family) for family in families], dtype=object
    ).reshape(p.shape)
    block["significant"] = significant
    return block


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
    block = _estimate_block(
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


def _moments(group: np.ndarray, y: np.ndarray, w: np.ndarray, size: int) -> _Moments:
    def total(weights: np.ndarray | None) -> np.ndarray:
        return np.bincount(group, weights=weights, minlength=size).astype(float)

    w2 = w * w
    return _Moments(
        total(None), total(w), total(w2), total(w * y), total(w2 * y), total(w2 * y * y)
    )


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
    block = _estimate_block(by_pair, share[:, None], min_base, caution_base)
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
) -> _Moments:
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


def _level_moments(counts: tuple[np.ndarray, ...], y: np.ndarray) -> _Moments:
    """Sums of a cell from its histogram; ``y`` is the answer's value at each level."""
    count, w, w2 = counts
    answered = (np.arange(y.size) > 0).astype(float)
    y = y * answered
    return _Moments(count @ answered, w @ answered, w2 @ answered, w @ y, w2 @ y, w2 @ (y * y))


def _top3_moments(
    frame: pd.DataFrame,
    fragilities: list[str],
    cells: np.ndarray,
    n_cells: int,
    w: np.ndarray,
    w2: np.ndarray,
) -> _Moments:
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
    return _Moments(count, sum_w, sum_w2, cited_w, cited_w2, cited_w2)
