"""How much of a ``geo`` map's frame its drawing fills, in Plotly's conic conformal projection.

Plotly fits the box of a map's longitude and latitude ranges into the frame; in a conic
projection the parallels are arcs, so the drawn territories (whose extremes lie at different
longitudes) fill only part of it: on a 16:9 slide, France with its insets took 88 % of the
frame's height. :func:`fill_zoom` gives the ``projection.scale`` that makes them fill it,
computed with d3's conic conformal formulas (``d3.geoConicConformalRaw``, which plotly.js uses)
on the drawn outlines' vertices.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

FILL = 0.99  # share of the frame the drawing may take (its outline stays inside)
BOX_SAMPLES = 64  # points along each side of the ranges' box


def conic_conformal(
    lon: np.ndarray, lat: np.ndarray, parallels: Sequence[float]
) -> tuple[np.ndarray, np.ndarray]:
    """Projected x and y (y downward, as on screen) of degrees ``lon`` (from the central
    meridian) and ``lat``, up to the scale and translation Plotly adds."""
    first, second = (math.radians(value) for value in parallels)

    def tangent(phi: np.ndarray | float) -> np.ndarray | float:
        return np.tan((math.pi / 2 + phi) / 2)

    if first == second:
        n = math.sin(first)
    else:
        n = math.log(math.cos(first) / math.cos(second)) / math.log(
            tangent(second) / tangent(first)
        )
    f = math.cos(first) * tangent(first) ** n / n
    radius = f / tangent(np.radians(lat)) ** n
    angle = n * np.radians(lon)
    return radius * np.sin(angle), -(f - radius * np.cos(angle))


def fill_zoom(
    lon_range: Sequence[float],
    lat_range: Sequence[float],
    parallels: Sequence[float],
    lon: np.ndarray,
    lat: np.ndarray,
) -> float:
    """The zoom (``projection.scale``) at which the points ``lon``, ``lat`` fill the frame of
    the ranges' box, about the box's centre (where Plotly zooms), without leaving it."""
    (west, east), (south, north) = lon_range, lat_range
    middle = (west + east) / 2
    along, across = np.linspace(west, east, BOX_SAMPLES), np.linspace(south, north, BOX_SAMPLES)
    box_lon = np.concatenate([along, along, np.full(BOX_SAMPLES, west), np.full(BOX_SAMPLES, east)])
    box_lat = np.concatenate(
        [np.full(BOX_SAMPLES, south), np.full(BOX_SAMPLES, north), across, across]
    )
    box_x, box_y = conic_conformal(box_lon - middle, box_lat, parallels)
    x, y = conic_conformal(np.asarray(lon) - middle, np.asarray(lat), parallels)
    centre_x, centre_y = (box_x.max() + box_x.min()) / 2, (box_y.max() + box_y.min()) / 2
    reach_x = max(x.max() - centre_x, centre_x - x.min())  # from the centre, either side
    reach_y = max(y.max() - centre_y, centre_y - y.min())
    half_w, half_h = (box_x.max() - box_x.min()) / 2, (box_y.max() - box_y.min()) / 2
    return FILL * min(half_w / reach_x, half_h / reach_y)


def outline_points(features: Iterable[dict]) -> tuple[np.ndarray, np.ndarray]:
    """Longitudes and latitudes of every vertex of GeoJSON (Multi)Polygon features."""
    rings = [
        np.asarray(ring, dtype=float)[:, :2]
        for feature in features
        for ring in _rings(feature.get("geometry") or {})
    ]
    if not rings:
        return np.empty(0), np.empty(0)
    points = np.concatenate(rings)
    return points[:, 0], points[:, 1]


def _rings(geometry: dict) -> list:
    if geometry.get("type") == "Polygon":
        return list(geometry["coordinates"])
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []
