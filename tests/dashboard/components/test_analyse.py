"""Analyse's small maps on the page: each shows the drawn regions' extent, filling its panel."""

from dash import dcc

from dashboard.components.analyse import maps_section
from dashboard.core.state import parse_state
from dashboard.views.analyse import analysis_view
from dashboard.views.analyse_maps import analysis_maps
from tests.layout_tree import of_type


def test_each_small_map_shows_the_drawn_regions_extent_not_a_fitted_frame(context):
    state, _ = parse_state(
        {"dataset": "simule", "rows": "territory", "indicator": "fragility_mean_score"},
        context.choices,
    )
    view, _ = analysis_view(context, state)
    maps = analysis_maps(context, view)
    (graph,) = [g for g in of_type(maps_section(context, view, maps), dcc.Graph)]
    geos = [graph.figure.layout[name] for name in graph.figure.layout if name.startswith("geo")]
    assert len(geos) == len(maps.panels) >= 2
    for geo in geos:
        assert geo.fitbounds is False
        west, east = geo.lonaxis.range
        south, north = geo.lataxis.range
        assert west < -4.5 and east > 9 and south < 42 and north > 51  # metropolitan France
