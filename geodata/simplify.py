"""Simplification of a set of polygons as one coverage, so that shared borders stay shared."""

from __future__ import annotations

import numpy as np
import shapely


def simplify_coverage(geometries: np.ndarray, tolerance: float, decimals: int) -> np.ndarray:
    """Simplify polygons that tile a territory, then round coordinates to ``decimals``.

    ``shapely.coverage_simplify`` simplifies each shared edge once, so neighbours keep an
    identical border (no gaps, no overlaps); rounding after it snaps both sides alike.
    Invalid results of the rounding (rings touching themselves) are repaired.
    """
    simplified = shapely.coverage_simplify(geometries, tolerance, simplify_boundary=True)
    rounded = shapely.set_precision(simplified, grid_size=10.0**-decimals)
    invalid = ~shapely.is_valid(rounded)
    if invalid.any():
        rounded[invalid] = shapely.make_valid(rounded[invalid])
    return rounded


def overlap_ratio(geometries: np.ndarray) -> float:
    """sum(area) / area(union) - 1: zero for a clean coverage, positive when pieces overlap."""
    union_area = shapely.union_all(geometries).area
    return float(shapely.area(geometries).sum() / union_area - 1.0)
