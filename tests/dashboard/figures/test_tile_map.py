import json
import math

import pytest

from dashboard.figures.choropleth import figure_changes
from dashboard.figures.tile_map import build_commune_choropleth, fitted_px, view_for_extent
from tests.dashboard.figures.map_fixtures import (
    STATES,
    TITLE,
    classification,
    frame,
    legend_items,
)

URL = "/geo/communes-28.geojson?v=abc123"
# Normandie's communes.
EXTENT = (-1.95, 48.18, 1.8, 50.07)


def figure():
    return build_commune_choropleth(
        frame(), classification(), URL, STATES, legend_items(), TITLE, EXTENT
    )


@pytest.mark.parametrize(
    ("extent", "size", "padding", "centre", "zoom"),
    [
        # 1.40625° = 360° / 256: 512 px at zoom 8 (MapLibre's world is 512 px at zoom 0).
        ((0.0, -0.1, 1.40625, 0.1), (512, 10_000), 0.0, {"lon": 0.7031, "lat": 0.0}, 8.0),
        ((0.0, -0.1, 1.40625, 0.1), (1024, 10_000), 0.0, {"lon": 0.7031, "lat": 0.0}, 9.0),
        ((0.0, -0.1, 1.40625, 0.1), (640, 10_000), 0.1, {"lon": 0.7031, "lat": 0.0}, 8.0),
        # The whole Web Mercator square in 512 px: zoom 0.
        ((-180.0, -85.0511, 180.0, 85.0511), (512, 512), 0.0, {"lon": 0.0, "lat": 0.0}, 0.0),
        # A point: the maximum zoom, centred on it.
        ((2.35, 48.85, 2.35, 48.85), (900, 620), 0.05, {"lon": 2.35, "lat": 48.85}, 16.0),
    ],
)
def test_view_for_extent(extent, size, padding, centre, zoom):
    assert view_for_extent(extent, size, padding) == (centre, zoom)


def test_a_tall_extent_is_fitted_on_its_height_with_the_mercator_centre():
    centre, zoom = view_for_extent((2.0, 40.0, 2.1, 50.0), (900, 620), 0.0)
    low, high = (math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) for lat in (40, 50))
    assert zoom == round(math.log2(620 * 2 * math.pi / ((high - low) * 512)), 2)
    assert 45.0 < centre["lat"] < 45.3  # the Mercator middle lies north of 45°


def test_commune_map_is_fitted_to_the_extent_beside_the_legend():
    layout = figure().layout
    width = 900 - layout.margin.l
    centre, zoom = view_for_extent(EXTENT, (width, 620))
    assert layout.map.style == "white-bg"
    assert (layout.map.center.lon, layout.map.center.lat) == (centre["lon"], centre["lat"])
    assert layout.map.zoom == zoom
    assert centre["lon"] == -0.075


def test_commune_traces_are_values_then_states_without_labels():
    data = figure().data
    assert [trace.name for trace in data] == ["ok", "non_publie", "non_couvert", "secret"]
    assert {trace.type for trace in data} == {"choroplethmap"}
    assert {trace.geojson for trace in data} == {URL}
    assert len(figure().to_json()) < 8_000
    assert "<img" not in figure().to_json()


def test_changes_hold_exactly_what_the_commune_figure_holds():
    drawn = json.loads(figure().to_json())
    changes = json.loads(
        json.dumps(
            figure_changes(
                frame(),
                classification(),
                STATES,
                legend_items(),
                TITLE,
                labels=False,
                names_from_geometry=True,
            )
        )
    )
    assert len(changes["data"]) == len(drawn["data"])
    for index, update in changes["data"].items():
        trace = drawn["data"][int(index)]
        assert {key: trace[key] for key in update} == update
    assert drawn["layout"]["shapes"] == changes["layout"]["shapes"]
    assert drawn["layout"]["annotations"] == changes["layout"]["annotations"]


def test_commune_names_come_from_the_geometry_not_the_wire():
    drawn = figure()
    assert all("%{properties.nom}" in trace.hovertemplate for trace in drawn.data)
    for trace in drawn.data:
        assert not any("<b>" in text for text in trace.text or ())


@pytest.mark.parametrize(
    ("extent", "binding"),
    [
        ((-1.96, 48.18, 1.80, 50.07), 0),  # Normandie: wide, its width binds in 585 × 620
        ((6.0, 41.3, 9.6, 51.1), 1),  # a tall strip: its height binds
    ],
)
def test_the_fitted_box_is_the_size_the_zoom_was_fitted_to_in_the_binding_side(extent, binding):
    """The page scales the server's zoom by this box (assets/map_fit.js): in the side that
    binds it is the size fitted to; the other side is smaller (the map has room to spare)."""
    size = (585, 620)
    _, zoom = view_for_extent(extent, size)
    fitted = fitted_px(extent, zoom)
    assert fitted[binding] == pytest.approx(size[binding], rel=0.01)  # zoom rounded to 0.01
    assert fitted[1 - binding] < size[1 - binding]
