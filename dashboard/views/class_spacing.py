"""Class edges the survey can tell apart, and the rounding every scheme's edges share.

An estimate comes with a 95 % interval; two classes whose edges are closer than the typical
half-width of those intervals separate values the data cannot tell apart. So, when the values
have intervals, no two adjacent edges (the two ends included) are closer than the *gap*: the
median half-width, rounded up to the edges' precision. Data-driven schemes merge the inner
breaks that are too close and widen the end classes outwards; the ``auto`` scheme
(:func:`auto_edges`) follows the data with Fisher-Jenks breaks, and falls back on rounded
equal steps of at least the gap when the breaks of three or more classes come too close.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable

import mapclassify
import numpy as np

NICE_FACTORS = (1, 2, 5, 10)  # class widths are 1, 2 or 5 times a power of ten
FINER = 1  # at most this many decimals finer than the unit's precision, and only when needed
MIN_CLASSES = 3  # what the auto scheme gives whenever the spread allows it
EPSILON = 1e-9


def median_half_width(low: np.ndarray, high: np.ndarray) -> float | None:
    """The median of ``(high - low) / 2`` over the values with an interval; None without one."""
    half = (np.asarray(high, dtype=float) - np.asarray(low, dtype=float)) / 2
    half = half[np.isfinite(half)]
    return float(np.median(half)) if half.size else None


def min_gap(half_width: float, precision: int) -> float:
    """``half_width`` rounded up to ``precision`` decimals, at least one unit of them."""
    unit = 10.0**-precision
    return max(unit, float(round_to(np.ceil, half_width, precision)))


def edge_precision(spread: float, half_width: float, precision: int) -> int:
    """``precision``, or one decimal finer when rounding the gap up at ``precision`` would
    leave no room for three classes that the spread (> 2 half-widths) allows."""
    if spread <= 2 * half_width or spread > 2 * min_gap(half_width, precision):
        return precision
    return precision + FINER


def auto_edges(
    basis: np.ndarray,
    k: int,
    half_width: float,
    precision: int,
    domain: tuple[float, float] | None = None,
) -> tuple[np.ndarray, int]:
    """The ``auto`` scheme's edges and the decimals they are written with.

    Fisher-Jenks breaks into ``k`` classes or fewer, rounded and spaced a gap apart
    (:func:`spaced`) within ``domain``: the most classes, of those the closest fit, if three
    or more; else, when the spread is more than two half-widths, rounded equal steps of at
    least the gap (three classes or more); else two Jenks classes a gap apart; else one
    class, at least a gap wide.
    """
    spread = float(basis.max() - basis.min())
    decimals = edge_precision(spread, half_width, precision)
    gap = min_gap(half_width, decimals)
    distinct = np.unique(basis).size
    tries = [
        spaced(jenks_edges(basis, m, decimals), gap, domain)
        for m in range(min(k, distinct), MIN_CLASSES - 1, -1)
    ]
    if tries and max(len(edges) for edges in tries) - 1 >= MIN_CLASSES:
        # the most classes; of those, the closest fit
        best = max(tries, key=lambda edges: (len(edges), -within_spread(basis, edges)))
        return best, decimals
    if spread > 2 * half_width and k >= MIN_CLASSES:
        return step_edges(basis, k, gap, decimals, domain), decimals
    if k >= 2 and distinct >= 2:
        edges = spaced(jenks_edges(basis, 2, decimals), gap, domain)
        if len(edges) == 3:
            return edges, decimals
    low = float(round_to(np.floor, basis.min(), decimals))
    high = float(round_to(np.ceil, basis.max(), decimals))
    return np.round(inside(np.array([low, max(high, low + gap)]), domain), decimals), decimals


def jenks_edges(basis: np.ndarray, k: int, precision: int) -> np.ndarray:
    """Fisher-Jenks edges (mapclassify), rounded: the ends outwards, the breaks to nearest."""
    return data_edges(basis, mapclassify.FisherJenks, k, precision)


def data_edges(basis: np.ndarray, scheme: Callable, k: int, precision: int) -> np.ndarray:
    """mapclassify's breaks, rounded; duplicates after rounding merge their classes.

    The ends are the minimum rounded down and the maximum rounded up, so every counted value
    stays inside; inner breaks go to the nearest rounded value, which keeps them between the
    ends, so the edges are strictly increasing once duplicates are dropped.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        classifier = scheme(basis, k=k)
    inner = round_half_up(np.asarray(classifier.bins[:-1], dtype=float), precision)
    ends = round_to(np.floor, basis.min(), precision), round_to(np.ceil, basis.max(), precision)
    return np.unique([ends[0], *inner, ends[1]])


def step_edges(
    basis: np.ndarray,
    k: int,
    gap: float,
    precision: int,
    domain: tuple[float, float] | None = None,
) -> np.ndarray:
    """Equal steps from the minimum rounded down to past the maximum, at most ``k``: 1, 2 or
    5 times a power of ten when that gives three classes or more, else any rounded width;
    never narrower than ``gap``. When even the gap leaves fewer than three classes, the steps
    start one step below the minimum rounded up (their first break)."""
    low = float(round_to(np.floor, basis.min(), precision))
    top = float(basis.max())
    width = max(gap, nice_step((top - low) / k, precision))
    if _steps(top - low, width) < MIN_CLASSES:
        width = max(gap, float(round_to(np.ceil, (top - low) / k, precision)))
    if _steps(top - low, width) < MIN_CLASSES:
        low = float(round_to(np.ceil, basis.min(), precision)) - width
    count = max(1, min(k, _steps(top - low, width)))
    return np.round(inside(low + width * np.arange(count + 1), domain), precision)


def inside(edges: np.ndarray, domain: tuple[float, float] | None) -> np.ndarray:
    """``edges`` moved back inside the indicator's scale when they leave it on one side (their
    spacing kept: the values, inside the scale, stay inside the classes)."""
    if domain is None:
        return edges
    return edges - max(0.0, edges[-1] - domain[1]) + max(0.0, domain[0] - edges[0])


def _steps(reach: float, width: float) -> int:
    return math.ceil(reach / width - EPSILON)


def spaced(edges: np.ndarray, gap: float, domain: tuple[float, float] | None = None) -> np.ndarray:
    """``edges`` with no two adjacent ones closer than ``gap``: an inner break too close to
    the previous one kept is dropped (their classes merge); the ends move outwards, within
    ``domain`` (the indicator's scale): where they cannot, the break next to them goes."""
    edges = np.asarray(edges, dtype=float)
    if len(edges) < 2:
        return edges
    low, high = domain if domain is not None else (-math.inf, math.inf)
    inner: list[float] = []
    for cut in edges[1:-1]:
        if not inner or cut - inner[-1] >= gap - EPSILON:
            inner.append(float(cut))
    while inner and inner[0] - gap < low - EPSILON:
        inner.pop(0)
    while inner and inner[-1] + gap > high + EPSILON:
        inner.pop()
    if not inner:
        first = float(edges[0])
        return np.round(inside(np.array([first, max(float(edges[-1]), first + gap)]), domain), 10)
    first = min(float(edges[0]), inner[0] - gap)
    last = max(float(edges[-1]), inner[-1] + gap)
    return np.round([first, *inner, last], 10)  # drop float noise such as 5.300000000000001


def within_spread(basis: np.ndarray, edges: np.ndarray) -> float:
    """The sum of squared deviations from their class mean: how well ``edges`` fit the data
    (Fisher-Jenks minimises it)."""
    index = np.clip(np.searchsorted(edges[1:], basis, side="left"), 0, len(edges) - 2)
    return float(
        sum(((basis[index == i] - basis[index == i].mean()) ** 2).sum() for i in set(index))
    )


def diverging_step(basis: np.ndarray, centre: float, k: int, precision: int, gap: float) -> tuple:
    """(width, classes) of diverging classes around ``centre``: the nice width covering the
    largest deviation in ``k`` classes, at least ``gap``; with a wider step, only as many
    classes (of ``k``'s parity, so the centre stays a break or a middle) as that deviation
    needs."""
    deviation = float(np.abs(basis - centre).max())
    step = nice_step(max(2 * deviation / k, gap), precision)
    needed = max(1, math.ceil(2 * deviation / step - EPSILON))
    if needed % 2 != k % 2:
        needed += 1
    return step, min(k, needed)


def nice_step(raw: float, precision: int) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is >= ``raw`` and >= 10**-precision."""
    unit = 10.0**-precision
    if raw <= unit:
        return unit
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(f * magnitude for f in NICE_FACTORS if f * magnitude >= raw * (1 - EPSILON))
    return round(step, 12)


def round_half_up(x: np.ndarray, precision: int) -> np.ndarray:
    return round_to(lambda scaled: np.floor(scaled + 0.5), x, precision)


def round_to(how: Callable, x: np.ndarray | float, precision: int) -> np.ndarray:
    """``how`` (floor, ceil…) applied at ``precision`` decimals, immune to 0.1 * 3 noise."""
    scale = 10.0**precision
    return np.round(how(np.round(np.asarray(x, dtype=float) * scale, 6)) / scale, precision)
