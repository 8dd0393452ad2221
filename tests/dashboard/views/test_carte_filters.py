import pytest

from dashboard.core.state import AppState
from dashboard.views.carte_filters import (
    ALL_DOMAINS,
    OPTION_DEPENDS_ON,
    filter_options,
    state_from_filters,
)


def by_value(options: list[dict]) -> dict:
    return {option["value"]: option for option in options}


def test_actors_without_any_value_are_disabled_not_hidden(context):
    actors = by_value(filter_options(context, AppState())["actor"])
    assert list(actors) == ["citoyens", "associations", "entreprises", "maires", "pionniers"]
    assert "disabled" not in actors["maires"]
    assert actors["pionniers"]["disabled"] is True
    assert actors["pionniers"]["title"] == "aucune valeur publiée, ni régionale ni nationale"


def test_fragilities_are_grouped_under_their_four_headings(context):
    state = AppState(actor="citoyens", indicator="fragility_share_high", fragility="environnement")
    options = filter_options(context, state)["fragility"]
    headings = [o["label"] for o in options if str(o["value"]).startswith("group:")]
    assert headings == [
        "— Critères économiques —",
        "— Critères sociaux —",
        "— Critères sociétaux —",
        "— Critères environnementaux —",
    ]
    fragilities = by_value(options)
    assert "disabled" not in fragilities["environnement"]
    assert fragilities["sante"]["disabled"] is True
    assert (
        len([o for o in options if not str(o["value"]).startswith(("group:", ALL_DOMAINS))]) == 16
    )


def test_segments_are_those_of_the_actor(context):
    segments = by_value(filter_options(context, AppState(actor="associations"))["segment"])
    assert list(segments) == ["all", "employeuses", "benevoles"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"actor": "maires", "segment": "employeuses"}, {"segment": "all"}),
        ({"fragility": ALL_DOMAINS}, {"fragility": None}),
        ({"fragility": "group:sociaux"}, {"fragility": None}),
        ({"indicator": "partnership_rate", "fragility": "emploi"}, {"fragility": None}),
        (
            {"indicator": "fragility_share_high", "fragility": "securite", "actor": "citoyens"},
            {"fragility": "securite", "actor": "citoyens"},
        ),
        ({"k": 3, "classes": "quantiles"}, {"k": 3, "classes": "quantiles"}),
    ],
)
def test_a_filter_change_gives_a_coherent_state(context, changes, expected):
    state = state_from_filters(AppState(), changes, context)
    assert {name: getattr(state, name) for name in expected} == expected


def test_datasets_and_levels_are_offered(context):
    options = filter_options(context, AppState())
    assert [o["value"] for o in options["dataset"]] == ["publie", "simule"]
    assert [o["value"] for o in options["level"]] == ["region", "departement", "commune"]


def test_simulated_data_offers_only_the_indicators_it_can_compute(context):
    indicators = by_value(filter_options(context, AppState(dataset="simule"))["indicator"])
    assert "disabled" not in indicators["fragility_mean_score"]
    assert indicators["alliance_duty_share"]["disabled"] is True


def test_diverging_classes_need_a_france_value(context):
    with_france = by_value(filter_options(context, AppState())["classes"])
    assert "disabled" not in with_france["diverging"]
    citizens = AppState(actor="citoyens", indicator="fragility_share_high", fragility="sante")
    without = by_value(filter_options(context, citizens)["classes"])
    assert without["diverging"]["title"] == "pas de valeur France"


def test_diverging_classes_on_a_view_without_france_fall_back_to_the_default(context):
    before = AppState(classes="diverging", k=4)
    # regional figures (PACA and Corse, Rhône-Alpes), no national one
    changes = {
        "actor": "citoyens",
        "indicator": "fragility_share_high",
        "fragility": "environnement",
    }
    state = state_from_filters(before, changes, context)
    assert (state.classes, state.k) == ("auto", 4)


def test_opening_the_commune_level_shows_one_region_not_all_of_france(context):
    state = state_from_filters(AppState(), {"level": "commune"}, context)
    assert (state.level, state.territory) == ("commune", "11")


def test_only_the_options_that_depend_on_a_change_are_recomputed():
    from dashboard.views.carte_filters import changed_options

    assert changed_options(AppState(), AppState(k=3)) == ()
    after_actor = changed_options(AppState(), AppState(actor="citoyens"))
    assert {"segment", "indicator", "fragility", "classes"} <= set(after_actor)
    assert "actor" not in after_actor and "k" not in after_actor
    assert set(changed_options(AppState(), AppState(lang="en"))) == set(OPTION_DEPENDS_ON)
