import json
from pathlib import Path

import pytest

from dashboard.figures.choropleth import figure_changes
from dashboard.figures.geo_map import GEO_LAYOUT, TOPOJSON_URL, build_geo_choropleth
from tests.dashboard.figures.map_fixtures import (
    COLOURS,
    STATES,
    TITLE,
    URL,
    classification,
    frame,
    legend_items,
)

OUTLINE_URL = "/geo/regions.geojson?v=abc123"
ASSETS = Path(__file__).resolve().parents[3] / "assets"


def figure(**options):
    return build_geo_choropleth(
        frame(), classification(), URL, STATES, legend_items(), TITLE, **options
    )


def plotted(**options) -> dict:
    """The figure as the browser receives it."""
    return json.loads(figure(**options).to_json())


def test_geometry_is_fetched_from_its_url_never_inlined():
    drawn = plotted()
    assert {trace["geojson"] for trace in drawn["data"][:4]} == {URL}
    assert {trace["featureidkey"] for trace in drawn["data"][:4]} == {"id"}
    assert "coordinates" not in json.dumps(drawn)
    assert len(figure().to_json()) < 8_000


def test_traces_keep_their_order_even_when_a_state_has_no_territory():
    data = figure().data
    assert [trace.name for trace in data] == ["ok", "non_publie", "non_couvert", "secret", "labels"]
    assert [trace.type for trace in data] == [*["choropleth"] * 4, "scattergeo"]
    assert list(data[3].locations) == []


def test_values_carry_class_indices_on_a_stepped_scale():
    values = figure().data[0]
    assert list(values.locations) == ["28", "76"]
    assert list(values.z) == [3, 4]
    assert (values.zmin, values.zmax, values.showscale) == (-0.5, 4.5, False)
    scale = [tuple(step) for step in values.colorscale]
    assert len(scale) == 10
    assert scale[6] == (0.6, COLOURS[3]) and scale[7] == (0.8, COLOURS[3])


def test_each_no_value_state_has_its_own_grey():
    _, missing, uncovered, _, _ = figure().data
    assert list(missing.locations) == ["11"]
    assert {colour for _, colour in missing.colorscale} == {"#bdbdbd"}
    assert list(uncovered.locations) == ["04"]
    assert {colour for _, colour in uncovered.colorscale} == {"#f0f0f0"}
    assert uncovered.marker.line.color == "#9e9e9e"


def test_hover_is_the_escaped_text_of_each_territory():
    values, missing, *_ = figure().data
    assert {values.hovertemplate, missing.hovertemplate} == {"%{text}<extra></extra>"}
    assert values.text[0] == (
        "<b>Normandie</b><br>77 % [70 % ; 84 %]<br>n = 312<br>Source : Le RAMEAU"
    )
    assert list(missing.text) == ["<b>Île-de-France &amp; co</b><br>non publié"]


def test_no_markup_from_the_data_reaches_the_browser():
    sent = figure().to_json()
    for raw in ("<img", "\\u003cimg", "<a href", "\\u003ca href"):
        assert raw not in sent
    assert sent.count("&lt;img src=x onerror=alert(1)&gt;") == 3  # hover, label, legend
    assert '&lt;a href=\\"javascript:alert(1)\\"&gt;' in sent


def test_labels_are_printed_at_their_anchor_without_hover():
    labels = figure().data[-1]
    assert labels.mode == "text"
    assert labels.hoverinfo == "skip"
    assert list(labels.lon) == [0.123, 2.111]
    assert list(labels.lat) == [49.123, 43.7]
    assert list(labels.text) == ["77 %", "&lt;img src=x onerror=alert(1)&gt;"]


def test_conic_conformal_view_fitted_to_the_territories_on_no_base_map():
    geo = figure().layout.geo
    assert geo.projection.type == "conic conformal"
    assert geo.fitbounds == "locations"
    assert geo.visible is False
    for layer in ("land", "coastlines", "countries", "frame", "lakes", "ocean", "rivers"):
        assert geo[f"show{layer}"] is False, layer
    assert geo.showsubunits is False
    assert geo.bgcolor == "#ffffff"
    assert figure().layout.showlegend is False


def test_legend_is_part_of_the_figure():
    layout = figure().layout
    texts = [annotation.text for annotation in layout.annotations]
    assert texts[0] == "<b>Part des répondants</b>"
    assert "80 – 100 %" in texts[5] and "1 régions" in texts[5]
    assert [shape.fillcolor for shape in layout.shapes] == [*COLOURS, "#bdbdbd"]
    assert layout.margin.l > 0


@pytest.mark.parametrize("outline", [False, True])
def test_changes_hold_exactly_what_the_full_figure_holds(outline):
    options = {"outline_url": OUTLINE_URL, "outline_codes": ("28", "76")} if outline else {}
    drawn = plotted(**options)
    changes = json.loads(
        json.dumps(
            figure_changes(
                frame(), classification(), STATES, legend_items(), TITLE, outline=outline
            )
        )
    )
    for index, update in changes["data"].items():
        trace = drawn["data"][int(index)]
        assert {key: trace[key] for key in update} == update
    assert drawn["layout"]["annotations"] == changes["layout"]["annotations"]
    assert drawn["layout"]["shapes"] == changes["layout"]["shapes"]
    assert drawn["layout"]["margin"] == changes["layout"]["margin"]
    assert "geojson" not in json.dumps(changes)
    assert len(json.dumps(changes, separators=(",", ":"))) < 4_000


def test_the_outline_is_drawn_above_the_areas_and_below_the_labels_without_hover():
    data = figure(outline_url=OUTLINE_URL, outline_codes=("28", "76")).data
    assert [trace.name for trace in data][-2:] == ["outline", "labels"]
    outline = data[-2]
    assert outline.geojson == OUTLINE_URL
    assert list(outline.locations) == ["28", "76"]
    assert {colour for _, colour in outline.colorscale} == {"rgba(0,0,0,0)"}
    assert outline.hoverinfo == "skip"
    assert outline.marker.line.width > data[0].marker.line.width


def test_an_outline_without_codes_is_an_error():
    with pytest.raises(ValueError, match="codes"):
        figure(outline_url=OUTLINE_URL)


def test_plotly_finds_its_base_topology_in_the_assets():
    """plotly.js loads ``<topojsonURL><scope>_<resolution>m.json`` for a choropleth."""
    assert TOPOJSON_URL == "/assets/topojson/"
    geo = figure().layout.geo
    scope = (geo.scope or "world").replace(" ", "-")
    resolution = geo.resolution or 110
    path = ASSETS / "topojson" / f"{scope}_{resolution}m.json"
    topology = json.loads(path.read_text())
    assert topology["type"] == "Topology"
    layers = {"coastlines", "countries", "lakes", "land", "ocean", "rivers", "subunits"}
    assert set(topology["objects"]) == layers
    assert all(layer["geometries"] == [] for layer in topology["objects"].values())
    assert "scope" not in GEO_LAYOUT and "resolution" not in GEO_LAYOUT
