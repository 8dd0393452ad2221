import json

from dashboard.figures.geo_map import GEO_LAYOUT
from dashboard.figures.locator import (
    DEPARTMENT_FILL,
    POINT_COLOUR,
    REGION_FILL,
    build_locator,
)

REGIONS = "/geo/regions.geojson?v=abc123"
DEPARTMENTS = "/geo/departements.geojson?v=def456"


def figure(name: str = "Belleville-en-Beaujolais"):
    return build_locator(REGIONS, DEPARTMENTS, "84", "69", (4.7274, 46.1109), name)


def test_the_region_then_its_department_are_drawn_from_their_urls_never_inlined():
    region, department, _ = figure().data
    assert (region.type, region.geojson, list(region.locations)) == ("choropleth", REGIONS, ["84"])
    assert (department.geojson, list(department.locations)) == (DEPARTMENTS, ["69"])
    assert {region.featureidkey, department.featureidkey} == {"id"}
    assert region.colorscale[0][1] == REGION_FILL and department.colorscale[0][1] == DEPARTMENT_FILL
    assert {region.hoverinfo, department.hoverinfo} == {"skip"}
    sent = figure().to_json()
    assert "coordinates" not in sent
    assert len(sent) < 4_000


def test_the_commune_is_a_named_point_on_top():
    point = figure().data[2]
    assert point.type == "scattergeo"
    assert (list(point.lon), list(point.lat)) == ([4.7274], [46.1109])
    assert list(point.text) == ["Belleville-en-Beaujolais"]
    assert point.marker.color == POINT_COLOUR


def test_the_view_fits_the_region_in_the_maps_projection_without_base_layers():
    layout = json.loads(figure().to_json())["layout"]
    assert layout["geo"]["projection"] == GEO_LAYOUT["projection"]
    assert layout["geo"]["fitbounds"] == "locations"
    assert layout["geo"]["visible"] is False
    assert layout["dragmode"] is False
    assert layout["showlegend"] is False


def test_a_name_is_shown_as_text_never_as_markup():
    point = figure("<b>Pranles</b>").data[2]
    assert list(point.text) == ["&lt;b&gt;Pranles&lt;/b&gt;"]
