"""What a map level draws, before classes: one row per feature and the values to classify."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.views.classification import Classification


@dataclass(frozen=True)
class DrawnValues:
    """``frame`` columns: code, name, status, details (hover lines), lon, lat, value.

    ``counted_once`` marks the values that enter the class breaks (a region's value painted on
    each of its departments counts once). The optional fields replace the indicator's defaults.
    """

    frame: pd.DataFrame
    values: np.ndarray
    counted_once: np.ndarray
    domain: tuple[float, float] | None = None  # another scale than the indicator's
    unit: str | None = None  # another unit than the indicator's
    class_labels: tuple[str, ...] | None = None  # categories instead of value bounds
    classification: Classification | None = None  # fixed categories, not computed breaks
