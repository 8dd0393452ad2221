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
) -> Classification:
    """Classify ``values`` (NaN = no value) with ``scheme`` into at most ``k`` classes."""
    if scheme not in SCHEMES:
        raise UnknownScheme(scheme)
    values = np.asarray(values, dtype=float)
    present = ~np.isnan(values)
    observed = values[present]
    if scheme == "fixed":
        if domain is None:
            raise ValueError("the 'fixed' classification needs the indicator's domain")
        edges = np.linspace(domain[0], domain[1], k + 1)
        lower, upper = edges[:-1], edges[1:]
        index = np.clip(np.searchsorted(upper, observed, side="left"), 0, k - 1)
    else:
        distinct = np.unique(observed)
        if distinct.size == 0:
            return Classification((), (), (), (), tuple(-1 for _ in values))
        k = min(k, distinct.size)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            classifier = DATA_SCHEMES[scheme](observed, k)
        upper = np.asarray(classifier.bins, dtype=float)
        lower = np.concatenate([[observed.min()], upper[:-1]])
        index = np.asarray(classifier.yb)
    class_of = np.full(values.shape, -1)
    class_of[present] = index
    counts = np.bincount(index, minlength=len(upper)) if observed.size else np.zeros(len(upper))
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
