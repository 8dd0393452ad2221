import pytest

from dashboard.mapview import region_map_view
from dashboard.state import AppState

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def context(settings):
    from dashboard.context import DataContext, load_context

    loaded = load_context(settings)
    assert isinstance(loaded, DataContext), loaded
    return loaded


def test_mayors_view_legend_coverage_and_source(context):
    view = region_map_view(context, AppState())
    assert view.title == "Partenariats source d'innovation — Maires"
    assert [(e.label, e.count) for e in view.legend] == [
        (f"0{NBSP}% – 20{NBSP}%", 0),
        (f"20{NBSP}% – 40{NBSP}%", 0),
        (f"40{NBSP}% – 60{NBSP}%", 0),
        (f"60{NBSP}% – 80{NBSP}%", 2),
        (f"80{NBSP}% – 100{NBSP}%", 1),
        ("non publié", 10),
        ("non couvert (pas d'enquête outre-mer)", 5),
    ]
    assert view.coverage == "Valeurs publiées : 3 régions sur 13"
    assert len(view.sources) == 1
    assert "PHARE-Institutions" in view.sources[0]
    assert "Co-construisons demain" in view.sources[0]
    assert view.base == "effectif non publié"
    assert "IGN" in view.attribution and "Licence Ouverte" in view.attribution


def test_map_frame_has_values_only_where_published(context):
    frame = region_map_view(context, AppState()).frame.set_index("code")
    assert frame.loc["76", "value_label"] == f"100{NBSP}%"
    assert frame.loc["76", "class_index"] == 4
    assert frame.loc["11", "status"] == "non_publie"
    assert frame.loc["11", "status_label"] == "non publié"
    assert frame.loc["11", "class_index"] == -1
    overseas = frame[frame["status"] == "non_couvert"]
    assert sorted(overseas.index) == ["01", "02", "03", "04", "06"]
    assert overseas.loc["04", "name"] == "La Réunion"


def test_english_view(context):
    view = region_map_view(context, AppState(actor="citoyens", lang="en"))
    assert view.title == "Partnerships as a source of innovation — Citizens"
    assert view.coverage == "Published values: 1 of 13 regions"
    assert [entry.label for entry in view.legend[-2:]] == [
        "not published",
        "not covered (no overseas survey)",
    ]


def test_the_title_names_indicator_fragility_actor_and_segment(context):
    state = AppState(
        actor="entreprises",
        segment="1000_plus",
        indicator="fragility_mean_score",
        fragility="pauvrete",
    )
    assert region_map_view(context, state).title == (
        "Note moyenne de fragilité (1 à 10) — Pauvreté / lutte contre l'exclusion — "
        "Entreprises (1 000 salariés et plus)"
    )
