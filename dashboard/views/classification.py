"""Class breaks for choropleths, from mapclassify, behind a registry of scheme names.

``auto`` (the default) follows the data when the values are estimates with 95 % intervals:
Fisher-Jenks classes with rounded breaks, never closer together than the values' median
interval half-width (:mod:`dashboard.views.class_spacing`); values without intervals
(published figures) get the full scale, as ``fixed`` does. ``fixed`` cuts the indicator's full
scale (0-100 % or 1-10) into equal classes, so colours mean the same thing whichever actor or
region is shown; ``quantiles``, ``equal_interval`` and ``fisher_jenks`` follow the data, with
breaks rounded to ``precision`` decimals so the legend stays readable; ``diverging`` draws
classes of equal, rounded width symmetric around the France value. Given the half-width, every
scheme but ``fixed`` keeps its edges that far apart.

When there are fewer distinct values than classes (77, 77, 100 for five classes), or a single
one, the values are left *unclassed*: each distinct value is its own class, coloured by its
position on the continuous scale, and the map labels the territories instead (not for
``auto`` on values with intervals: neighbouring values may not differ).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import mapclassify
import numpy as np
from plotly.colors import sample_colorscale

from dashboard.core.context import DataContext
from dashboard.core.state import AUTO_SCHEME, CLASS_SCHEMES
from dashboard.text.hover import value_label
from dashboard.text.numbers import MAX_DECIMALS, ROUNDING, format_bound
from dashboard.views.class_spacing import (
    auto_edges,
    data_edges,
    diverging_step,
    min_gap,
    nice_step,
    spaced,
)

COLOURSCALE = "YlGnBu"  # ColorBrewer sequential, colour-blind safe
SEQUENTIAL_RANGE = (0.15, 0.95)  # the part of COLOURSCALE used: its lightest end is near white
# ColorBrewer diverging, colour-blind safe, light grey in the middle: orange = below France,
# purple = above France (neither hue reads as "good" or "bad", which depends on the indicator).
DIVERGING_COLOURSCALE = "PuOr"
DIVERGING_SPREAD = 0.45  # the largest deviation is drawn at 0.5 ± 0.45 of the scale
PRECISION = {"pct": 0, "score_1_10": 1}  # decimals of class bounds by unit (others: 1)

DataScheme = Callable[..., mapclassify.classifiers.MapClassifier]
DATA_SCHEMES: dict[str, DataScheme] = {
    "quantiles": mapclassify.Quantiles,
    "equal_interval": mapclassify.EqualInterval,
    "fisher_jenks": mapclassify.FisherJenks,
}
AUTO = AUTO_SCHEME
SCHEMES = CLASS_SCHEMES  # the URL's names: "auto", "fixed", the DATA_SCHEMES and "diverging"


@dataclass(frozen=True)
class NoValueState:
    """A state without a value (non publié, non couvert…): its id, label and map style."""

    id: str
    label: str
    fill: str
    border: str | None = None


class UnknownScheme(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"unknown classification {name!r}; valid names: {', '.join(SCHEMES)}")


@dataclass(frozen=True)
class Classification:
    """Classes ``(lower_i, upper_i]`` (the first one closed), their colours and counts.

    ``class_of`` gives each input value's class index, -1 for a missing value. When
    ``unclassed``, each class is one distinct value (``lower_i == upper_i``) and the map should
    label the territories with their values. ``scheme`` is the scheme applied (``auto``
    without intervals is ``fixed``); ``decimals`` the decimals of the edges (finer than the
    unit's when the ``auto`` scheme needed them); ``within_precision``: the values' spread is
    too small, for their intervals, to make three classes.
    """

    lower: tuple[float, ...]
    upper: tuple[float, ...]
    counts: tuple[int, ...]
    colours: tuple[str, ...]
    class_of: tuple[int, ...]
    unclassed: bool = False
    scheme: str = ""
    decimals: int | None = None
    within_precision: bool = False

    @property
    def k(self) -> int:
        return len(self.upper)


def classify(
    values: np.ndarray,
    scheme: str = AUTO,
    k: int = 5,
    domain: tuple[float, float] | None = None,
    counted_once: np.ndarray | None = None,
    *,
    centre: float | None = None,
    precision: int = 0,
    half_width: float | None = None,
) -> Classification:
    """Classify ``values`` (NaN = no value) with ``scheme`` into at most ``k`` classes.

    ``counted_once`` (booleans) marks the values that enter the class breaks: a figure
    published for two regions together is drawn on both but counts once; values left out still
    get a class. ``domain`` is the indicator's scale (needed by ``fixed``, and by ``auto``
    without ``half_width``), ``centre`` the France value (needed by ``diverging``),
    ``precision`` the decimals data-driven breaks are rounded to, ``half_width`` the values'
    median 95 % interval half-width (None: no interval). Values outside the breaks (outside
    ``domain`` for ``fixed``, or not counted) are put in the first or last class. Infinite
    values are an error.
    """
    values = np.asarray(values, dtype=float)
    if half_width is not None and not half_width > 0:
        half_width = None
    if scheme == AUTO and half_width is None:
        scheme = "fixed"  # no interval (published figures): the full scale, as before
    _check(values, scheme, k, domain, centre)
    present = ~np.isnan(values)
    if not present.any():
        return Classification((), (), (), (), tuple(-1 for _ in values), scheme=scheme)
    counted = present if counted_once is None else present & np.asarray(counted_once, dtype=bool)
    basis = values[counted] if counted.any() else values[present]
    few = np.unique(basis).size < max(k, 2)  # one value alone is shown unclassed too
    if few and scheme != AUTO:
        colours = _value_colours(scheme, basis, domain, centre)
        return replace(_unclassed(values, present, colours), scheme=scheme)
    edges, decimals = _spaced_edges(basis, scheme, k, domain, centre, precision, half_width)
    colours = _diverging_class_colours(edges, centre) if scheme == "diverging" else None
    narrow = scheme == AUTO and float(np.ptp(basis)) <= 2 * half_width and len(edges) < 4
    return replace(
        _classed(values, present, edges, colours),
        scheme=scheme,
        decimals=decimals,
        within_precision=narrow,
    )


def _check(
    values: np.ndarray,
    scheme: str,
    k: int,
    domain: tuple[float, float] | None,
    centre: float | None,
) -> None:
    if scheme not in SCHEMES:
        raise UnknownScheme(scheme)
    if k < 1:
        raise ValueError(f"the number of classes must be at least 1, not {k}")
    if np.isinf(values).any():
        raise ValueError("values must be finite numbers or NaN (missing); got an infinite value")
    if scheme == "fixed" and domain is None:
        raise ValueError("the 'fixed' classification needs the indicator's domain")
    if scheme == "diverging" and (centre is None or not math.isfinite(centre)):
        raise ValueError("the 'diverging' classification needs the France value as its centre")


def _spaced_edges(
    basis: np.ndarray,
    scheme: str,
    k: int,
    domain: tuple[float, float] | None,
    centre: float | None,
    precision: int,
    half_width: float | None,
) -> tuple[np.ndarray, int]:
    """The scheme's edges and their decimals; a gap apart when ``half_width`` is given
    (:mod:`dashboard.views.class_spacing`), except on the full scale, which stays as it is."""
    gap = None if half_width is None else min_gap(half_width, precision)
    if scheme == "fixed":
        return np.linspace(domain[0], domain[1], k + 1), precision
    if scheme == AUTO:
        return auto_edges(basis, k, half_width, precision, domain)
    if scheme == "diverging":
        if gap is None:
            step, k = nice_step(2 * _largest_deviation(basis, centre) / k, precision), k
        else:
            step, k = diverging_step(basis, centre, k, precision, gap)
        offsets = (np.arange(k + 1) - k / 2) * step
        return np.round(centre + offsets, 10), precision  # drop noise such as 63.400000000000006
    edges = data_edges(basis, DATA_SCHEMES[scheme], k, precision)
    return (edges if gap is None else spaced(edges, gap, domain)), precision


def _largest_deviation(basis: np.ndarray, centre: float) -> float:
    return float(np.abs(basis - centre).max())


def _classed(
    values: np.ndarray, present: np.ndarray, edges: np.ndarray, colours: list[str] | None
) -> Classification:
    lower, upper = edges[:-1], edges[1:]
    index = np.clip(np.searchsorted(upper, values[present], side="left"), 0, len(upper) - 1)
    return Classification(
        lower=tuple(float(v) for v in lower),
        upper=tuple(float(v) for v in upper),
        counts=tuple(int(c) for c in np.bincount(index, minlength=len(upper))),
        colours=tuple(colours or class_colours(len(upper))),
        class_of=_class_of(values, present, index),
    )


def _unclassed(values: np.ndarray, present: np.ndarray, colour_of: Callable) -> Classification:
    distinct, index, counts = np.unique(values[present], return_inverse=True, return_counts=True)
    return Classification(
        lower=tuple(float(v) for v in distinct),
        upper=tuple(float(v) for v in distinct),
        counts=tuple(int(c) for c in counts),
        colours=tuple(colour_of(distinct)),
        class_of=_class_of(values, present, index),
        unclassed=True,
    )


def _class_of(values: np.ndarray, present: np.ndarray, index: np.ndarray) -> tuple[int, ...]:
    class_of = np.full(values.shape, -1)
    class_of[present] = index
    return tuple(int(i) for i in class_of)


def _value_colours(
    scheme: str,
    basis: np.ndarray,
    domain: tuple[float, float] | None,
    centre: float | None,
) -> Callable[[np.ndarray], list[str]]:
    """Colours of single values on the scheme's continuous scale (for unclassed values)."""
    if scheme == "diverging":
        extent = _largest_deviation(basis, centre)
        return lambda distinct: _diverging_colours(distinct - centre, extent)
    low, high = domain if scheme == "fixed" else (basis.min(), basis.max())
    return lambda distinct: _sequential_colours(distinct, low, high)


def _sequential_colours(values: np.ndarray, low: float, high: float) -> list[str]:
    if high <= low:
        return sample_colorscale(COLOURSCALE, [0.6] * len(values))
    share = np.clip((values - low) / (high - low), 0, 1)
    first, last = SEQUENTIAL_RANGE
    return sample_colorscale(COLOURSCALE, list(first + (last - first) * share))


def _diverging_class_colours(edges: np.ndarray, centre: float) -> list[str]:
    """Each class coloured by its middle's deviation, so an odd ``k`` has a neutral middle."""
    middles = (edges[:-1] + edges[1:]) / 2
    return _diverging_colours(middles - centre, edges[-1] - centre)


def _diverging_colours(deviations: np.ndarray, extent: float) -> list[str]:
    share = np.clip(deviations / extent, -1, 1) if extent > 0 else np.zeros(len(deviations))
    return sample_colorscale(DIVERGING_COLOURSCALE, list(0.5 + DIVERGING_SPREAD * share))


def class_colours(k: int) -> list[str]:
    if k == 1:
        return sample_colorscale(COLOURSCALE, [0.6])
    return sample_colorscale(COLOURSCALE, list(np.linspace(*SEQUENTIAL_RANGE, k)))


def no_value_states(context: DataContext, lang: str) -> tuple[NoValueState, ...]:
    """The states drawn without a value, in the status table's order, with their style."""
    return tuple(
        NoValueState(status.id, status.label(lang), status.fill, status.border)
        for status in context.catalogue.statuses.values()
        if status.fill is not None
    )


def class_labels(classification: Classification, unit: str, lang: str) -> list[str]:
    """Each class as a legend says it: its bounds (« 60 % – 80 % »), or its one value when the
    values are unclassed."""
    if classification.unclassed:
        return [value_label(low, unit, lang) for low in classification.lower]
    decimals = classification.decimals
    return [
        f"{_bound_label(low, unit, lang, decimals)} – {_bound_label(high, unit, lang, decimals)}"
        for low, high in zip(classification.lower, classification.upper, strict=True)
    ]


def _bound_label(value: float, unit: str, lang: str, decimals: int | None) -> str:
    """A class bound as the unit's values are written, or with the finer decimals the
    ``auto`` scheme needed for a narrow spread (« 5,35 »)."""
    if decimals is None or decimals <= ROUNDING.get(unit, MAX_DECIMALS):
        return value_label(value, unit, lang)
    return format_bound(value, unit, lang, decimals)
