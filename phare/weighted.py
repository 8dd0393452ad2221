"""Weighted statistics of survey cells: the formulas, once.

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

The primitives (:func:`weighted_mean`, :func:`weighted_share`) compute the formulas directly and
serve as the reference in tests; :func:`estimate_block` computes them from sums (``Moments``),
which is how :mod:`phare.estimates` computes whole views at once.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields

import numpy as np
from scipy.stats import norm
from statsmodels.stats.multitest import multipletests

from phare.settings import SETTINGS

Z = 1.96
ALPHA = 0.05
OK, PRUDENCE, SUPPRIME = "ok", "prudence", "supprime"
MIN_BASE: int = next(s.default for s in SETTINGS if s.name == "min_base")
CAUTION_BASE: int = next(s.default for s in SETTINGS if s.name == "caution_base")


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
    y, w = answered(values, weights)
    if y.size == 0:
        return Estimate(np.nan, np.nan, np.nan, 0, 0.0, np.nan)
    mean = float(w @ y / w.sum())
    se = linearised_se(y, w, mean)
    return Estimate(mean, mean - Z * se, mean + Z * se, y.size, kish_effective_n(w), se)


def weighted_share(values: np.ndarray | Sequence[float], weights: np.ndarray) -> Estimate:
    """Weighted share in % of the 1s among the present 0/1 values, with a Wilson interval."""
    y, w = answered(values, weights)
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError("a share is computed from 0/1 answers (NaN = no answer)")
    if y.size == 0:
        return Estimate(np.nan, np.nan, np.nan, 0, 0.0, np.nan)
    share = float(w @ y / w.sum())
    n_eff = kish_effective_n(w)
    low, high = wilson_interval(share, n_eff)
    se = 100 * linearised_se(y, w, share)
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
    return str(statuses(np.asarray(n_eff), min_base, caution_base))


def difference_p_value(estimate: Estimate, other: Estimate) -> float:
    """Two-sided p of a z test on the difference of two independent estimates."""
    return float(
        two_sided_p(
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


def answered(values, weights) -> tuple[np.ndarray, np.ndarray]:
    y = np.asarray(values, dtype=float)
    w = np.asarray(weights, dtype=float)
    present = ~np.isnan(y)
    return y[present], w[present]


def linearised_se(y: np.ndarray, w: np.ndarray, mean: float) -> float:
    n = y.size
    if n < 2:
        return np.nan
    return float(np.sqrt(n / (n - 1) * np.sum(w * w * (y - mean) ** 2) / w.sum() ** 2))


def statuses(n_eff: np.ndarray, min_base: float, caution_base: float) -> np.ndarray:
    if caution_base < min_base:
        raise ValueError(f"caution_base ({caution_base}) is below min_base ({min_base})")
    return np.where(n_eff < min_base, SUPPRIME, np.where(n_eff < caution_base, PRUDENCE, OK))


def two_sided_p(difference: np.ndarray, sd: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        p = 2 * norm.sf(np.abs(difference) / sd)
    # two identical estimates without spread (two shares of 0 %) do not differ
    return np.where((sd == 0) & (difference == 0), 1.0, p)


# -- from sums to estimates (shared by both entries) --------------------------------------------


@dataclass(frozen=True)
class Moments:
    """Sums over the answers of cells: count, Σw, Σw², Σwy, Σw²y, Σw²y² (arrays, same shape)."""

    n: np.ndarray
    w: np.ndarray
    w2: np.ndarray
    wy: np.ndarray
    w2y: np.ndarray
    w2y2: np.ndarray

    def map(self, function: Callable[..., np.ndarray], *others: Moments) -> Moments:
        names = [field.name for field in fields(self)]
        return Moments(
            *(function(getattr(self, f), *(getattr(o, f) for o in others)) for f in names)
        )


def finish(m: Moments, share: np.ndarray) -> dict[str, np.ndarray]:
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


def estimate_block(
    regions: Moments, share: np.ndarray, min_base: float, caution_base: float
) -> dict[str, np.ndarray]:
    """Estimates of sums per region (last axis: the 13 regions) plus France, last."""
    france = regions.map(lambda a: a.sum(axis=-1, keepdims=True))
    rest = france.map(lambda f, r: f - r, regions)
    block = finish(regions.map(lambda r, f: np.concatenate([r, f], axis=-1), france), share)
    others = finish(rest, share)
    block["status"] = statuses(block["n_eff"], min_base, caution_base)
    suppressed = block["status"] == SUPPRIME
    for key in ("value", "ci_low", "ci_high", "se"):
        block[key] = np.where(suppressed, np.nan, block[key])
    p = two_sided_p(
        block["value"][..., :-1] - others["value"], np.hypot(block["se"][..., :-1], others["se"])
    )
    families = p.reshape(-1, p.shape[-1])
    significant = np.empty(block["value"].shape, dtype=object)
    significant[..., :-1] = np.array(
        [holm_significant(family) for family in families], dtype=object
    ).reshape(p.shape)
    block["significant"] = significant
    return block
