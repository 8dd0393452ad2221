"""Simplification of a set of polygons as one coverage, so that shared borders stay shared."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely


def repair_polygons(geometries: np.ndarray) -> np.ndarray:
    """Make every geometry valid, keeping only its polygonal parts (no stray lines or points)."""
    geometries = np.asarray(geometries, dtype=object).copy()
    invalid = ~shapely.is_valid(geometries)
    if invalid.any():
        repaired = shapely.make_valid(geometries[invalid])
        geometries[invalid] = [_polygonal(geometry) for geometry in repaired]
    return geometries


def invalid_edge_count(geometries: np.ndarray) -> int:
    """How many geometries have edges that break the coverage (overlaps, small gaps)."""
    edges = shapely.coverage_invalid_edges(geometries)
    return int((~shapely.is_empty(edges)).sum())


def simplify_coverage(geometries: np.ndarray, tolerance: float, decimals: int) -> np.ndarray:
    """Simplify polygons that tile a territory, then round coordinates to ``decimals``.

    ``shapely.coverage_simplify`` simplifies each shared edge once, so neighbours keep an
    identical border (no gaps, no overlaps); rounding after it snaps both sides alike, and
    coordinates are then exact decimals so the GeoJSON carries no float noise. Rings that
    rounding makes self-touching are repaired.
    """
    simplified = shapely.coverage_simplify(geometries, tolerance, simplify_boundary=True)
    snapped = shapely.set_precision(simplified, grid_size=10.0**-decimals)
    rounded = shapely.transform(snapped, lambda xy: np.round(xy, decimals))
    return repair_polygons(rounded)


def simplify_nested_coverage(
    geometries: np.ndarray, groups: np.ndarray, inner: float, borders: float, decimals: int
) -> np.ndarray:
    """Simplify a coverage harder inside each group (department) than along the groups' borders.

    First each group's inner edges are simplified at ``inner`` with its boundary left as it is
    (so neighbouring groups still share identical borders); then the whole coverage is
    simplified at the smaller ``borders`` tolerance. Department outlines, and so department
    areas, stay close to the source while the many small commune edges inside are thinned.
    """
    staged = np.asarray(geometries, dtype=object).copy()
    for group in pd.unique(groups):
        members = groups == group
        staged[members] = shapely.coverage_simplify(staged[members], inner, simplify_boundary=False)
    return simplify_coverage(staged, borders, decimals)


def overlap_ratio(geometries: np.ndarray) -> float:
    """sum(area) / area(union) - 1: zero for a clean coverage, positive when pieces overlap."""
    union_area = shapely.union_all(geometries).area
    return float(shapely.area(geometries).sum() / union_area - 1.0)


def _polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [
        part
        for part in shapely.get_parts(geometry)
        if part.geom_type in ("Polygon", "MultiPolygon")
    ]
    return shapely.union_all(parts) if parts else shapely.Polygon()
