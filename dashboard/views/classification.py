"""Class breaks for choropleths, from mapclassify, behind a registry of scheme names.

``fixed`` cuts the indicator's full scale (0-100 % or 1-10) into equal classes, so colours
mean the same thing whichever actor or region is shown; ``quantiles``, ``equal_interval`` and
``fisher_jenks`` follow the data, with breaks rounded to ``precision`` decimals so the legend
stays readable; ``diverging`` draws classes of equal, rounded width symmetric around the France
value.

When there are fewer distinct values than classes (77, 77, 100 for five classes), or a single
one, the values are left *unclassed*: each distinct value is its own class, coloured by its
position on the continuous scale, and the map labels the territories instead.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import mapclassify
import numpy as np
from plotly.colors import sample_colorscale

from dashboard.core.context import DataContext
from dashboard.core.state import CLASS_SCHEMES
from dashboard.text.hover import value_label

COLOURSCALE = "YlGnBu"  # ColorBrewer sequential, colour-blind safe
SEQUENTIAL_RANGE = (0.15, 0.95)  # the part of COLOURSCALE used: its lightest end is near white
# ColorBrewer diverging, colour-blind safe, light grey in the middle: orange = below France,
# purple = above France (neither hue reads as "good" or "bad", which depends on the indicator).
DIVERGING_COLOURSCALE = "PuOr"
DIVERGING_SPREAD = 0.45  # the largest deviation is drawn at 0.5 ± 0.45 of the scale
PRECISION = {"pct": 0, "score_1_10": 1}  # decimals of class bounds by unit (others: 1)
NICE_FACTORS = (1, 2, 5, 10)  # diverging class widths are 1, 2 or 5 times a power of ten

DataScheme = Callable[[np.ndarray, int], mapclassify.classifiers.MapClassifier]
DATA_SCHEMES: dict[str, DataScheme] = {
    "quantiles": lambda values, k: mapclassify.Quantiles(values, k=k),
    "equal_interval": lambda values, k: mapclassify.EqualInterval(values, k=k),
    "fisher_jenks": lambda values, k: mapclassify.FisherJenks(values, k=k),
}
SCHEMES = CLASS_SCHEMES  # the URL's names: "fixed", the DATA_SCHEMES and "diverging"


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
    label the territories with their values.
    """

    lower: tuple[float, ...]
    upper: tuple[float, ...]
    counts: tuple[int, ...]
    colours: tuple[str, ...]
    class_of: tuple[int, ...]
    unclassed: bool = False

    @property
    def k(self) -> int:
        return len(self.upper)


def classify(
    values: np.ndarray,
    scheme: str = "fixed",
    k: int = 5,
    domain: tuple[float, float] | None = None,
    counted_once: np.ndarray | None = None,
    *,
    centre: float | None = None,
    precision: int = 0,
) -> Classification:
    """Classify ``values`` (NaN = no value) with ``scheme`` into at most ``k`` classes.

    ``counted_once`` (booleans) marks the values that enter the class breaks: a figure
    published for two regions together is drawn on both but counts once; values left out still
    get a class. ``domain`` is the indicator's scale (needed by ``fixed``), ``centre`` the France
    value (needed by ``diverging``), ``precision`` the decimals data-driven breaks are rounded to.
    Values outside the breaks (outside ``domain`` for ``fixed``, or not counted) are put in the
    first or last class. Infinite values are an error.
    """
    values = np.asarray(values, dtype=float)
    _check(values, scheme, k, domain, centre)
    present = ~np.isnan(values)
    if not present.any():
        return Classification((), (), (), (), tuple(-1 for _ in values))
    counted = present if counted_once is None else present & np.asarray(counted_once, dtype=bool)
    basis = values[counted] if counted.any() else values[present]
    if np.unique(basis).size < max(k, 2):  # one value alone is shown unclassed too
        return _unclassed(values, present, _value_colours(scheme, basis, domain, centre))
    if scheme == "fixed":
        edges = np.linspace(domain[0], domain[1], k + 1)
    elif scheme == "diverging":
        edges = _diverging_edges(basis, centre, k, precision)
    else:
        edges = _data_edges(basis, scheme, k, precision)
    colours = _diverging_class_colours(edges, centre) if scheme == "diverging" else None
    return _classed(values, present, edges, colours)


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


def _data_edges(basis: np.ndarray, scheme: str, k: int, precision: int) -> np.ndarray:
    """mapclassify's breaks, rounded; duplicates after rounding merge their classes.

    The ends are the minimum rounded down and the maximum rounded up, so every counted value
    stays inside; inner breaks go to the nearest rounded value, which keeps them between the
    ends, so the edges are strictly increasing once duplicates are dropped.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        classifier = DATA_SCHEMES[scheme](basis, k)
    inner = _round_half_up(np.asarray(classifier.bins[:-1], dtype=float), precision)
    ends = _round_to(np.floor, basis.min(), precision), _round_to(np.ceil, basis.max(), precision)
    return np.unique([ends[0], *inner, ends[1]])


def _diverging_edges(basis: np.ndarray, centre: float, k: int, precision: int) -> np.ndarray:
    """``k`` classes of one rounded width around ``centre``, covering the largest deviation.

    With an odd ``k`` the middle class straddles the centre; with an even ``k`` the centre is a
    break, and a value equal to it falls in the class below (upper bounds are inclusive).
    """
    step = _nice_step(2 * _largest_deviation(basis, centre) / k, precision)
    offsets = (np.arange(k + 1) - k / 2) * step
    return np.round(centre + offsets, 10)  # drop float noise such as 63.400000000000006


def _nice_step(raw: float, precision: int) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is >= ``raw`` and >= 10**-precision."""
    unit = 10.0**-precision
    if raw <= unit:
        return unit
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(f * magnitude for f in NICE_FACTORS if f * magnitude >= raw * (1 - 1e-9))
    return round(step, 12)


def _largest_deviation(basis: np.ndarray, centre: float) -> float:
    return float(np.abs(basis - centre).max())


def _round_half_up(x: np.ndarray, precision: int) -> np.ndarray:
    return _round_to(lambda scaled: np.floor(scaled + 0.5), x, precision)


def _round_to(how: Callable, x: np.ndarray | float, precision: int) -> np.ndarray:
    """``how`` (floor, ceil…) applied at ``precision`` decimals, immune to 0.1 * 3 noise."""
    scale = 10.0**precision
    return np.round(how(np.round(np.asarray(x, dtype=float) * scale, 6)) / scale, precision)


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
    return [
        f"{value_label(low, unit, lang)} – {value_label(high, unit, lang)}"
        for low, high in zip(classification.lower, classification.upper, strict=True)
    ]
