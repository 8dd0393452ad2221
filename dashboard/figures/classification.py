"""Class breaks for choropleths, from mapclassify, behind a registry of scheme names.

``fixed`` cuts the indicator's full scale (0-100 % or 1-10) into equal classes, so colours
mean the same thing whichever actor or region is shown; the other schemes follow the data.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import mapclassify
import numpy as np
from plotly.colors import sample_colorscale

COLOURSCALE = "YlGnBu"  # ColorBrewer sequential, colour-blind safe

DataScheme = Callable[[np.ndarray, int], mapclassify.classifiers.MapClassifier]
DATA_SCHEMES: dict[str, DataScheme] = {
    "quantiles": lambda values, k: mapclassify.Quantiles(values, k=k),
    "equal_interval": lambda values, k: mapclassify.EqualInterval(values, k=k),
    "fisher_jenks": lambda values, k: mapclassify.FisherJenks(values, k=k),
}
SCHEMES = ("fixed", *DATA_SCHEMES)


class UnknownScheme(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"unknown classification {name!r}; valid names: {', '.join(SCHEMES)}")


@dataclass(frozen=True)
class Classification:
    """Classes ``(lower_i, upper_i]`` (the first one closed), their colours and counts.

    ``class_of`` gives each input value's class index, -1 for a missing value.
    """

    lower: tuple[float, ...]
    upper: tuple[float, ...]
    counts: tuple[int, ...]
    colours: tuple[str, ...]
    class_of: tuple[int, ...]

    @property
    def k(self) -> int:
        return len(self.upper)


def classify(
    values: np.ndarray,
    scheme: str = "fixed",
    k: int = 5,
    domain: tuple[float, float] | None = None,
    counted_once: np.ndarray | None = None,
) -> Classification:
    """Classify ``values`` (NaN = no value) with ``scheme`` into at most ``k`` classes.

    ``counted_once`` (booleans) marks the values that enter the class breaks: a figure
    published for two regions together is drawn on both but counts once.
    """
    if scheme not in SCHEMES:
        raise UnknownScheme(scheme)
    values = np.asarray(values, dtype=float)
    present = ~np.isnan(values)
    counted = present if counted_once is None else present & np.asarray(counted_once, dtype=bool)
    if scheme == "fixed":
        return _classify_fixed(values, present, k, domain)
    if not counted.any():
        return Classification((), (), (), (), tuple(-1 for _ in values))
    return _classify_data(values, present, values[counted], scheme, k)


def _classify_fixed(
    values: np.ndarray, present: np.ndarray, k: int, domain: tuple[float, float] | None
) -> Classification:
    if domain is None:
        raise ValueError("the 'fixed' classification needs the indicator's domain")
    edges = np.linspace(domain[0], domain[1], k + 1)
    lower, upper = edges[:-1], edges[1:]
    index = np.clip(np.searchsorted(upper, values[present], side="left"), 0, k - 1)
    return _classification(values, present, lower, upper, index)


def _classify_data(
    values: np.ndarray, present: np.ndarray, counted: np.ndarray, scheme: str, k: int
) -> Classification:
    """Breaks from the ``counted`` values (mapclassify); every present value gets its class."""
    k = min(k, np.unique(counted).size)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        classifier = DATA_SCHEMES[scheme](counted, k)
    upper = np.asarray(classifier.bins, dtype=float)
    lower = np.concatenate([[counted.min()], upper[:-1]])
    index = np.clip(np.searchsorted(upper, values[present], side="left"), 0, len(upper) - 1)
    return _classification(values, present, lower, upper, index)


def _classification(
    values: np.ndarray, present: np.ndarray, lower, upper, index: np.ndarray
) -> Classification:
    class_of = np.full(values.shape, -1)
    class_of[present] = index
    counts = np.bincount(index, minlength=len(upper)) if index.size else np.zeros(len(upper))
    return Classification(
        lower=tuple(float(v) for v in lower),
        upper=tuple(float(v) for v in upper),
        counts=tuple(int(c) for c in counts),
        colours=tuple(class_colours(len(upper))),
        class_of=tuple(int(i) for i in class_of),
    )


def class_colours(k: int) -> list[str]:
    if k == 1:
        return sample_colorscale(COLOURSCALE, [0.6])
    return sample_colorscale(COLOURSCALE, list(np.linspace(0.15, 0.95, k)))
