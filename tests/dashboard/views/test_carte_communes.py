import pandas as pd
import pytest

from dashboard.core.state import AppState
from dashboard.views.carte import map_view
from dashboard.views.carte_communes import (
    METRO_EXTENT,
    commune_focus,
    commune_scope,
    size_classes,
)


@pytest.mark.parametrize(
    ("territory", "geometry_level"),
    [
        ("28", "communes-28"),
        ("dep-14", "communes-28"),  # Calvados → Normandie
        ("14118", "communes-28"),  # Caen → Normandie
        ("FR", "communes"),
        ("04", "communes"),  # La Réunion: no commune map of its own → all of France
    ],
)
def test_the_communes_drawn_are_those_of_the_selected_territorys_region(
    context, territory, geometry_level
):
    scope = commune_scope(context, territory)
    assert scope.geometry_level == geometry_level
    if geometry_level == "communes":
        assert scope.extent == METRO_EXTENT
    else:
        min_lon, min_lat, max_lon, max_lat = scope.extent
        assert min_lon < -0.3 < max_lon and min_lat < 49.2 < max_lat  # Caen is inside


def test_size_layer_counts_communes_by_the_survey_strata(context):
    view = map_view(context, AppState(level="commune", territory="28", show="size"))
    labels = [entry.label for entry in view.legend]
    assert labels == [segment.label("fr") for segment in size_classes(context)]
    assert sum(entry.count for entry in view.legend) == len(view.frame)
    caen = view.frame.set_index("code").loc["14118"]
    assert caen["class_index"] == 3  # 10 000 inhabitants and more


def test_stratum_values_come_from_the_mayors_size_segments_with_simulated_data(context):
    view = map_view(context, AppState(dataset="simule", level="commune", territory="28"))
    lines = view.frame.set_index("code").loc["14118", "details"]
    assert "strate Normandie × Communes de 10 000 habitants et plus" in lines[1]


def test_without_strata_a_commune_is_an_outline_and_its_regions_value_is_said_once(context):
    view = map_view(context, AppState(level="commune", territory="28"))
    caen = view.frame.set_index("code").loc["14118"]
    assert caen["status"] == "sans_valeur_communale"
    assert caen["value_label"] == "" and pd.isna(caen["value"])
    assert caen["details"] == (
        "sans valeur pour la commune",
        "ni pour sa strate (région × taille) ; la valeur de la région Normandie est donnée sous "
        "la carte",
    )
    assert [(e.label, e.count) for e in view.legend] == [
        ("sans valeur pour la commune", len(view.frame))
    ]
    assert view.regional == "Normandie (valeur de la région, pas celle de ses communes) : 77\u00a0%"
    assert view.france == "France : 87\u00a0%"


def test_other_actors_have_no_strata_so_their_communes_are_outlines(context):
    state = AppState(dataset="simule", actor="citoyens", level="commune", territory="84")
    view = map_view(context, state)
    assert set(view.frame["status"]) == {"sans_valeur_communale"}
    assert view.regional.startswith("Auvergne-Rhône-Alpes (valeur de la région, pas celle de ses")


def test_the_region_s_value_is_said_only_for_the_strata_of_one_region(context):
    for state in (
        AppState(level="commune", territory="FR"),
        AppState(level="commune", territory="28", show="size"),
    ):
        assert map_view(context, state).regional == ""


def test_uploaded_values_are_drawn_and_the_other_communes_say_they_are_not_in_the_file(context):
    upload = pd.DataFrame({"code": ["14118", "14712"], "value": [12.5, 40.0]})
    view = map_view(context, AppState(level="commune", territory="28", show="upload"), upload)
    frame = view.frame.set_index("code")
    assert frame.loc["14118", "status"] == "ok" and frame.loc["14712", "status"] == "ok"
    assert (frame["status"] == "hors_fichier").sum() == len(frame) - 2
    assert frame.loc["14118", "details"][0] == "12,5"


@pytest.mark.parametrize("territory", ["28", "dep-27", "27467", "14118"])
def test_a_commune_map_opens_on_the_whole_region_even_for_a_chosen_commune(context, territory):
    """Pont-Audemer (27467) and Caen: Normandie's extent, not a window around the commune."""
    normandie = context.territory("region", "28")
    expected = tuple(
        float(normandie[side]) for side in ("min_lon", "min_lat", "max_lon", "max_lat")
    )
    assert commune_scope(context, territory).extent == expected


@pytest.mark.parametrize(
    ("territory", "has_focus"),
    [("27467", True), ("14118", True), ("28", False), ("dep-27", False), ("FR", False)],
)
def test_a_commune_picked_on_a_drawn_commune_map_is_moved_to_among_its_neighbours(
    context, territory, has_focus
):
    focus = commune_focus(context, territory)
    if not has_focus:
        assert focus is None
        return
    commune = context.territory("commune", territory)
    lon, lat = float(commune["lon"]), float(commune["lat"])
    assert focus == (lon - 0.25, lat - 0.25, lon + 0.25, lat + 0.25)
