import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon

from geodata.simplify import overlap_ratio, simplify_coverage


def wiggly_neighbours() -> np.ndarray:
    """Two polygons sharing a jagged border of many small steps."""
    border = [(1.0 + (0.0004 if i % 2 else 0.0), i / 50) for i in range(51)]
    left = Polygon([(0, 0), *border, (0, 1)])
    right = Polygon([(2, 0), (2, 1), *reversed(border)])
    return np.array([left, right])


def test_shared_borders_stay_shared_after_simplification():
    source = wiggly_neighbours()
    simplified = simplify_coverage(source, tolerance=0.01, decimals=4)
    assert shapely.get_num_coordinates(simplified).sum() < shapely.get_num_coordinates(source).sum()
    assert abs(overlap_ratio(simplified)) < 1e-9
    union = shapely.union_all(simplified)
    assert union.geom_type == "Polygon"
    assert abs(union.area - 2.0) < 1e-6


def test_coordinates_are_rounded_to_the_requested_decimals():
    simplified = simplify_coverage(wiggly_neighbours(), tolerance=0.0, decimals=2)
    coordinates = shapely.get_coordinates(simplified)
    assert np.allclose(coordinates, np.round(coordinates, 2))
    assert shapely.is_valid(simplified).all()


def test_overlap_ratio_detects_overlapping_pieces():
    a = shapely.box(0, 0, 2, 1)
    b = shapely.box(1, 0, 3, 1)
    assert overlap_ratio(np.array([a, b])) == pytest.approx(1 / 3)
