"""The Carte's map panel: the geo maps are framed by explicit ranges, not fitted on redraw;
France's communes have no borders."""

from dashboard.components.carte_map import map_panel
from dashboard.core.state import AppState
from dashboard.figures.highlight import HIGHLIGHT_TRACE, SELECTION_NAME


def test_region_and_department_maps_are_framed_around_everything_they_draw(context):
    for level in ("region", "departement"):
        panel = map_panel(context, AppState(level=level))
        geo = panel.figure.layout.geo
        assert geo.fitbounds is False  # Plotly would fit it again from every vertex
        features = context.features[level]
        (west, east), (south, north) = geo.lonaxis.range, geo.lataxis.range
        # the overseas insets west of the mainland, Corsica, Dunkerque and the Pyrenees
        assert west < features["min_lon"].min() and east > features["max_lon"].max()
        assert south < features["min_lat"].min() and north > features["max_lat"].max()
        assert east - west < 1.2 * (features["max_lon"].max() - features["min_lon"].min())


def test_a_filter_change_leaves_the_frame_alone(context):
    drawn = context.geometry_url("regions")
    panel = map_panel(context, AppState(actor="citoyens"), drawn_geometry=drawn)
    assert panel.figure is None and "geo" not in panel.changes["layout"]


def test_france_communes_are_drawn_without_borders_and_a_region_s_with_them(context):
    """At France's scale a 1 px white border would cover most of a commune's few pixels."""
    widths = {}
    for territory in ("FR", "28"):
        figure = map_panel(context, AppState(level="commune", territory=territory)).figure
        areas = [trace for trace in figure.data if trace.name != HIGHLIGHT_TRACE]
        widths[territory] = {trace.marker.line.width for trace in areas}
    assert widths == {"FR": {0}, "28": {1}}


def test_under_a_map_of_a_region_s_communes_the_region_s_value_comes_before_france_s(context):
    panel = map_panel(context, AppState(level="commune", territory="28"))
    assert panel.france == (
        "Normandie (valeur de la région, pas celle de ses communes) : 77\u00a0%"
        " · France : 87\u00a0%"
    )
    assert map_panel(context, AppState()).france == "France : 87\u00a0%"


def test_a_chosen_commune_is_outlined_and_named_on_its_regions_commune_map(context):
    """Pont-Audemer on Normandie's communes: the last trace outlines it, an annotation names
    it; a filter change after it (a Patch) keeps both, at the same trace index."""
    state = AppState(level="commune", territory="27467")
    panel = map_panel(context, state)
    figure = panel.figure
    assert figure.data[-1].name == HIGHLIGHT_TRACE
    assert list(figure.data[-1].locations) == ["27467"]
    named = [a.text for a in figure.layout.annotations if a.name == SELECTION_NAME]
    assert named == ["Contour épais\u00a0: Pont-Audemer"]

    changed = map_panel(
        context, state.model_copy(update={"actor": "citoyens"}), drawn_geometry=panel.geometry_key
    )
    assert changed.figure is None
    last = len(figure.data) - 1
    assert max(changed.changes["data"]) == last
    assert changed.changes["data"][last] == {"locations": ["27467"], "z": [0]}
    assert [
        a["text"]
        for a in changed.changes["layout"]["annotations"]
        if a.get("name") == SELECTION_NAME
    ] == named


def test_only_a_chosen_commune_is_named_on_the_map(context):
    for state in (AppState(level="commune", territory="28"), AppState(territory="27467")):
        figure = map_panel(context, state).figure
        assert not [a for a in figure.layout.annotations if a.name == SELECTION_NAME]


def test_a_commune_chosen_on_the_region_or_department_map_outlines_what_holds_it(context):
    """Pont-Audemer (Eure, Normandie) picked in the search while the map shows regions."""
    for level, holder in (("region", "28"), ("departement", "27")):
        figure = map_panel(context, AppState(level=level, territory="27467")).figure
        assert list(figure.data[-1].locations) == [holder]
    region_map = map_panel(context, AppState(territory="dep-27")).figure
    assert list(region_map.data[-1].locations) == ["28"]
    assert list(map_panel(context, AppState()).figure.data[-1].locations) == []
