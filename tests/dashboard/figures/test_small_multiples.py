import itertools
import json
import math

import numpy as np
import pandas as pd
import pytest
from plotly.colors import find_intermediate_color, hex_to_rgb, unlabel_rgb

from dashboard.exports.slides import for_image
from dashboard.figures.geo_map import GEO_LAYOUT
from dashboard.figures.small_multiples import TITLE_NAME, fit_panels, small_multiples_figure
from dashboard.figures.watermark import WATERMARK_NAME
from dashboard.views.small_multiples import MAX_PANELS, MapPanel, shared_classification
from tests.dashboard.figures.map_fixtures import ATTACK, STATES, TITLE, URL

NAN = math.nan
ACTORS = ("Citoyens", "Associations", "Entreprises", "Maires")


def panel_frame(values, statuses=None, labels=None) -> pd.DataFrame:
    """Regions 28, 76, 11, 04 with ``values`` (statuses "ok" unless given)."""
    statuses = statuses or ["ok"] * len(values)
    return pd.DataFrame(
        {
            "code": ["28", "76", "11", "04"][: len(values)],
            "status": statuses,
            "value": values,
            "label": labels or [f"{v:.1f}".replace(".", ",") if v == v else "" for v in values],
            "text": [f"<b>Région {i}</b><br>{v}" for i, v in enumerate(values)],
            "lon": [0.1234567, 2.1111111, 2.5, 55.5][: len(values)],
            "lat": [49.1234567, 43.7, 48.7, -21.1][: len(values)],
        }
    )


def panels() -> list[MapPanel]:
    """6.4 appears in the first two panels; Île-de-France is not published for Maires."""
    return [
        MapPanel("Citoyens", panel_frame([6.4, 2.0, 5.0, 9.5])),
        MapPanel("Associations", panel_frame([3.0, 6.4, 7.2, 1.5])),
        MapPanel(
            f"Maires {ATTACK}",
            panel_frame(
                [8.0, 4.1, NAN, NAN],
                ["ok", "ok", "non_publie", "non_couvert"],
                [ATTACK, "4,1", "", ""],
            ),
        ),
    ]


def figure(items=None, **options):
    items = panels() if items is None else items
    classification, indices = shared_classification(items, "fixed", 5, (1, 10))
    options = {"labels": True, "simulated": False, "lang": "fr", **options}
    return small_multiples_figure(items, classification, indices, URL, STATES, (), TITLE, **options)


def value_traces(fig):
    return [trace for trace in fig.data if trace.name == "ok"]


def rgb(colour: str) -> tuple[float, ...]:
    return tuple(hex_to_rgb(colour) if colour.startswith("#") else unlabel_rgb(colour))


def colour_of(trace, z: float) -> str:
    """The colour Plotly draws for ``z`` on the trace's scale (linear between the stops)."""
    share = (z - trace.zmin) / (trace.zmax - trace.zmin)
    scale = [(position, rgb(colour)) for position, colour in trace.colorscale]
    for (low, low_colour), (high, high_colour) in itertools.pairwise(scale):
        if low <= share <= high and high > low:
            return find_intermediate_color(
                low_colour, high_colour, (share - low) / (high - low), "tuple"
            )
    raise AssertionError(f"{z} is outside the scale")


def test_the_same_value_gets_the_same_class_and_colour_in_every_panel():
    items = panels()
    classification, indices = shared_classification(items, "fixed", 5, (1, 10))
    # fifths of 1-10: (1, 2.8], (2.8, 4.6], (4.6, 6.4], (6.4, 8.2], (8.2, 10]
    assert classification.upper == pytest.approx((2.8, 4.6, 6.4, 8.2, 10))
    assert indices == ((2, 0, 2, 4), (1, 2, 3, 0), (3, 1, -1, -1))
    assert classification.counts == (2, 2, 3, 2, 1)  # one set of breaks for all ten values
    citoyens, associations, _ = value_traces(
        small_multiples_figure(
            items,
            classification,
            indices,
            URL,
            STATES,
            (),
            TITLE,
            labels=False,
            simulated=False,
            lang="fr",
        )
    )
    z_citoyens = dict(zip(citoyens.locations, citoyens.z, strict=True))["28"]
    z_associations = dict(zip(associations.locations, associations.z, strict=True))["76"]
    assert z_citoyens == z_associations == 2
    assert colour_of(citoyens, z_citoyens) == colour_of(associations, z_associations)
    assert colour_of(citoyens, z_citoyens) == rgb(classification.colours[2])
    assert colour_of(citoyens, 0) != colour_of(citoyens, 2)


def test_every_panel_shares_one_scale():
    values = value_traces(figure())
    assert len(values) == 3
    assert {json.dumps(trace.colorscale) for trace in values} == {json.dumps(values[0].colorscale)}
    assert {(trace.zmin, trace.zmax, trace.showscale) for trace in values} == {(-0.5, 4.5, False)}


def test_a_classification_over_panels_splits_back_their_missing_values():
    items = [
        MapPanel("A", panel_frame([10, NAN], ["ok", "non_publie"])),
        MapPanel("B", panel_frame([20, 30, 40])),
    ]
    classification, indices = shared_classification(items, "equal_interval", 3, None)
    assert classification.upper == (20.0, 30.0, 40.0)
    assert indices == ((0, -1), (0, 1, 2))


def test_a_value_on_a_row_without_status_ok_is_not_classified():
    statuses = ["ok", "non_publie", "ok", "ok"]
    items = [MapPanel("A", panel_frame([5.0, 7.0, 2.0, 9.0], statuses))]
    classification, indices = shared_classification(items, "fixed", 3, (1, 10))
    assert indices == ((1, -1, 0, 2),)
    assert classification.counts == (1, 1, 1)


def test_labels_are_one_escaped_text_trace_per_panel():
    fig = figure(labels=True)
    texts = [trace for trace in fig.data if trace.type == "scattergeo"]
    assert [trace.geo for trace in texts] == ["geo", "geo2", "geo3"]
    assert {trace.mode for trace in texts} == {"text"}
    assert list(texts[0].text) == ["6,4", "2,0", "5,0", "9,5"]
    assert list(texts[2].text) == ["&lt;img src=x onerror=alert(1)&gt;", "4,1"]
    assert list(texts[2].lon) == [0.123, 2.111]
    assert {trace.hoverinfo for trace in texts} == {"skip"}


def test_no_text_trace_without_labels():
    assert [trace.type for trace in figure(labels=False).data if trace.type != "choropleth"] == []


def test_traces_are_assigned_to_their_panel_subplot_in_order():
    fig = figure(labels=True)
    assert [(trace.geo, trace.name) for trace in fig.data] == [
        ("geo", "ok"),
        ("geo", "labels"),
        ("geo2", "ok"),
        ("geo2", "labels"),
        ("geo3", "ok"),
        ("geo3", "non_publie"),
        ("geo3", "non_couvert"),
        ("geo3", "labels"),
    ]
    missing = fig.data[5]
    assert list(missing.locations) == ["11"]
    assert {colour for _, colour in missing.colorscale} == {"#bdbdbd"}


def test_hover_is_the_frame_text_and_the_geometry_stays_a_string():
    values = figure().data[0]
    assert values.hovertemplate == "%{text}<extra></extra>"
    assert values.text[0] == "<b>Région 0</b><br>6.4"
    areas = [trace for trace in figure().data if trace.type == "choropleth"]
    assert {trace.geojson for trace in areas} == {URL}
    assert {trace.featureidkey for trace in areas} == {"id"}


def test_every_subplot_is_a_fitted_conic_map_without_base_layers():
    layout = figure().layout
    for name in ("geo", "geo2", "geo3"):
        geo = layout[name].to_plotly_json()
        assert {key: geo[key] for key in GEO_LAYOUT} == GEO_LAYOUT
    assert "geo4" not in layout.to_plotly_json()


def test_each_frame_is_shaped_around_the_label_points():
    """fitbounds fits the view into a frame shaped by the ranges: France's, not the world's."""
    layout = figure().layout
    ranges = {
        (tuple(layout[name].lonaxis.range), tuple(layout[name].lataxis.range))
        for name in ("geo", "geo2", "geo3")
    }
    assert len(ranges) == 1
    (west, east), (south, north) = ranges.pop()
    assert west < 0.123 and east > 55.5 and south < -21.1 and north > 49.123


def test_titles_are_escaped_and_above_their_maps():
    layout = figure().layout
    titles = [a for a in layout.annotations if a.name == TITLE_NAME]
    assert [a.text for a in titles] == [
        "<b>Citoyens</b>",
        "<b>Associations</b>",
        "<b>Maires &lt;img src=x onerror=alert(1)&gt;</b>",
    ]
    for title, name in zip(titles, ("geo", "geo2", "geo3"), strict=True):
        domain = layout[name].domain
        assert title.y == domain.y[1] and title.yanchor == "bottom"
        assert domain.x[0] < title.x < domain.x[1]
    assert "<img" not in figure().to_json()


@pytest.mark.parametrize(
    ("count", "columns", "grid"),
    [(1, None, (1, 1)), (3, None, (3, 1)), (4, None, (4, 1)), (5, None, (4, 2)), (8, None, (4, 2)),
     (8, 3, (3, 3)), (6, 2, (2, 3))],
)  # fmt: skip
def test_the_grid_has_panels_that_never_overlap(count, columns, grid):
    items = [MapPanel(ACTORS[i % 4], panel_frame([float(i + 1), 5.0])) for i in range(count)]
    fig = figure(items, columns=columns)
    domains = [fig.layout[f"geo{i + 1}" if i else "geo"].domain for i in range(count)]
    assert len({tuple(d.x) for d in domains}) == grid[0]
    assert len({tuple(d.y) for d in domains}) == grid[1]
    for first, second in itertools.combinations(domains, 2):
        apart_x = first.x[1] <= second.x[0] or second.x[1] <= first.x[0]
        apart_y = first.y[1] <= second.y[0] or second.y[1] <= first.y[0]
        assert apart_x or apart_y
    titles = [a for a in fig.layout.annotations if a.name == TITLE_NAME]
    for title, domain in zip(titles, domains, strict=True):  # a title stays below the map above
        above = [d for d in domains if d.y[0] > domain.y[1] and d.x == domain.x]
        assert all(title.y + 20 / (fig.layout.height - 12) <= d.y[0] for d in above)
    assert fig.layout.height >= 220 * grid[1]
    assert fig.layout.width is None


def test_one_legend_for_all_panels_in_the_left_margin():
    fig = figure()
    legend = [a for a in fig.layout.annotations if a.name != TITLE_NAME]
    assert legend[0].text == f"<b>{TITLE}</b>"
    assert fig.layout.margin.l >= 140
    assert fig.layout.showlegend is False


def test_a_simulated_grid_carries_the_watermark():
    names = [a.name for a in figure(simulated=True).layout.annotations]
    assert names.count(WATERMARK_NAME) == 1
    assert WATERMARK_NAME not in [a.name for a in figure(simulated=False).layout.annotations]


def test_more_panels_than_the_grid_holds_is_an_error():
    items = [MapPanel(f"P{i}", panel_frame([float(i)])) for i in range(MAX_PANELS + 1)]
    with pytest.raises(ValueError, match="at most 8"):
        shared_classification(items, "fixed", 5, (0, 10))
    classification, indices = shared_classification(items[:MAX_PANELS], "fixed", 5, (0, 10))
    with pytest.raises(ValueError, match="at most 8"):
        small_multiples_figure(
            items,
            classification,
            [*indices, (0,)],
            URL,
            STATES,
            (),
            TITLE,
            labels=False,
            simulated=False,
            lang="fr",
        )
    with pytest.raises(ValueError, match="at least one panel"):
        figure([])


def test_an_unknown_status_is_an_error_naming_it():
    items = [MapPanel("A", panel_frame([5.0, NAN], ["ok", "confidentiel"]))]
    with pytest.raises(ValueError, match="confidentiel"):
        figure(items)


def test_a_row_with_a_value_but_no_class_is_an_error():
    items = [MapPanel("A", panel_frame([5.0, 6.0]))]
    classification, _ = shared_classification(items, "fixed", 5, (1, 10))
    with pytest.raises(ValueError, match="no class"):
        small_multiples_figure(
            items,
            classification,
            [(2, -1)],
            URL,
            STATES,
            (),
            TITLE,
            labels=False,
            simulated=False,
            lang="fr",
        )


def test_the_image_export_inlines_the_features_each_panel_draws():
    def features_of(level):
        assert level == URL
        return {
            code: {"type": "Feature", "id": code, "properties": {}, "geometry": None}
            for code in ("28", "76", "11", "04", "93")
        }

    drawn = for_image(figure().to_dict(), features_of)
    areas = [trace for trace in drawn["data"] if trace["type"] == "choropleth"]
    assert len(areas) == 5
    for trace in areas:
        assert trace["geojson"]["type"] == "FeatureCollection"
        assert [f["id"] for f in trace["geojson"]["features"]] == list(trace["locations"])
        assert "text" not in trace and trace["hoverinfo"] == "skip"
    labels = [trace for trace in drawn["data"] if trace["type"] == "scattergeo"]
    assert [len(trace["text"]) for trace in labels] == [4, 4, 2]
    assert np.isfinite(json.loads(json.dumps(drawn))["layout"]["height"])


def test_fit_panels_gives_every_panel_the_drawn_extent_instead_of_fitbounds():
    original = figure()
    fitted = fit_panels(original, (-5.0, 41.0, 10.0, 51.0))
    geos = [fitted.layout[name] for name in ("geo", "geo2", "geo3")]
    for geo in geos:
        assert geo.fitbounds is False
        assert geo.lonaxis.range == (-5.15, 10.15) and geo.lataxis.range == (40.9, 51.1)
        assert (geo.center.lon, geo.center.lat) == (2.5, 46.0)
        assert geo.projection.type == "conic conformal"  # the rest of the layout is kept
    assert [geo.domain for geo in geos] == [
        original.layout[g].domain for g in ("geo", "geo2", "geo3")
    ]
    assert original.layout.geo.fitbounds == "locations"  # a new figure, the input kept
