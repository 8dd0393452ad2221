"""The conic conformal projection (d3's, as plotly.js draws it) and the zoom that fills a frame."""

import numpy as np
import pytest

from dashboard.figures.projection import FILL, conic_conformal, fill_zoom, outline_points

PARALLELS = (44, 49)
BOX = ((-5.0, 10.0), (41.0, 51.0))


def box_points(lon_range, lat_range, samples=200):
    (west, east), (south, north) = lon_range, lat_range
    along, across = np.linspace(west, east, samples), np.linspace(south, north, samples)
    lon = np.concatenate([along, along, np.full(samples, west), np.full(samples, east)])
    lat = np.concatenate([np.full(samples, south), np.full(samples, north), across, across])
    return lon, lat


def test_the_central_meridian_is_vertical_and_north_is_up():
    x, y = conic_conformal(np.array([0.0, 0.0, 3.0]), np.array([44.0, 49.0, 44.0]), PARALLELS)
    assert x[0] == pytest.approx(0) and x[1] == pytest.approx(0) and x[2] > 0
    assert y[1] < y[0]  # screen y: further north is higher up
    # conformal at a standard parallel: one degree east is cos(44°) of one degree north
    north = y[0] - conic_conformal(np.array([0.0]), np.array([45.0]), PARALLELS)[1][0]
    assert (x[2] / 3) / north == pytest.approx(np.cos(np.radians(44)), rel=0.02)


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        (box_points(*BOX), FILL),  # the box itself already fills its frame
        (box_points((0.0, 5.0), (44.0, 48.0)), None),  # a smaller drawing zooms in
    ],
)
def test_fill_zoom(points, expected):
    zoom = fill_zoom(*BOX, PARALLELS, *points)
    if expected is not None:
        assert zoom == pytest.approx(expected, rel=1e-3)
    else:
        assert 1.5 < zoom < 3


def test_a_zoomed_drawing_stays_inside_the_frame():
    lon, lat = box_points((2.0, 9.0), (42.0, 50.0))  # off the box's centre
    zoom = fill_zoom(*BOX, PARALLELS, lon, lat)
    box_lon, box_lat = box_points(*BOX)
    box_x, box_y = conic_conformal(box_lon - 2.5, box_lat, PARALLELS)  # 2.5: the box's middle
    x, y = conic_conformal(lon - 2.5, lat, PARALLELS)
    cx, cy = (box_x.max() + box_x.min()) / 2, (box_y.max() + box_y.min()) / 2
    assert ((x - cx) * zoom).max() <= (box_x.max() - cx) + 1e-12
    assert ((x - cx) * zoom).min() >= (box_x.min() - cx) - 1e-12
    assert ((y - cy) * zoom).max() <= (box_y.max() - cy) + 1e-12
    assert ((y - cy) * zoom).min() >= (box_y.min() - cy) - 1e-12


def test_outline_points_reads_polygons_and_multipolygons():
    features = [
        {"geometry": {"type": "Polygon", "coordinates": [[[0, 1], [2, 3], [0, 1]]]}},
        {"geometry": {"type": "MultiPolygon", "coordinates": [[[[4, 5, 9], [6, 7, 9]]]]}},
        {"geometry": None},
    ]
    lon, lat = outline_points(features)
    assert lon.tolist() == [0, 2, 0, 4, 6] and lat.tolist() == [1, 3, 1, 5, 7]
    assert [len(part) for part in outline_points([])] == [0, 0]
