import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon

from geodata.simplify import (
    overlap_ratio,
    repair_polygons,
    simplify_coverage,
    simplify_nested_coverage,
)


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


def test_nested_simplification_keeps_group_borders_finer_than_inner_edges():
    source = wiggly_neighbours()
    both_groups = simplify_nested_coverage(
        source, np.array(["a", "b"]), inner=0.05, borders=0.0001, decimals=4
    )
    one_group = simplify_nested_coverage(
        source, np.array(["a", "a"]), inner=0.05, borders=0.0001, decimals=4
    )
    # The wiggly border is a border between groups in the first case only.
    assert (
        shapely.get_num_coordinates(both_groups).sum()
        > shapely.get_num_coordinates(one_group).sum()
    )
    assert abs(overlap_ratio(both_groups)) < 1e-9
    assert abs(shapely.area(both_groups).sum() - 2.0) < 1e-6


def test_repair_keeps_only_polygonal_parts():
    bow_tie = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    (repaired,) = repair_polygons(np.array([bow_tie], dtype=object))
    assert repaired.is_valid
    assert repaired.geom_type == "MultiPolygon"
