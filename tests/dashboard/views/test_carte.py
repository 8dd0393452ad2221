import itertools

import pandas as pd

from dashboard.core.state import AppState
from dashboard.views.carte import map_view
from phare.microdata_format import MICRO_INDICATORS
from phare.prepared import actor_segments

NBSP = "\u00a0"
SURVEYED = ("citoyens", "associations", "entreprises", "maires")


def test_mayors_innovation_share_draws_three_values_and_ten_non_publie(context):
    view = map_view(context, AppState())
    frame = view.frame.set_index("code")
    assert frame.loc[["28", "84", "76"], "value_label"].tolist() == [
        f"77{NBSP}%",
        f"77{NBSP}%",
        f"100{NBSP}%",
    ]
    assert (frame["status"] == "non_publie").sum() == 10
    assert view.title == "Partenariats source d'innovation — Maires"
    # 77, 77, 100: fewer distinct values than classes, so shown unclassed, with labels
    assert view.classification.unclassed
    assert frame.loc["76", "label"] == f"100{NBSP}%"
    assert [(e.label, e.count) for e in view.legend] == [
        (f"77{NBSP}%", 2),
        (f"100{NBSP}%", 1),
        ("non publié", 10),
        ("non couvert (pas d'enquête outre-mer)", 5),
    ]
    assert view.coverage == "Valeurs publiées : 3 régions sur 13"
    assert "Co-construisons demain" in view.sources[0]
    assert "IGN" in view.attribution and "Licence Ouverte" in view.attribution
    assert not view.simulated


def test_hover_lines_give_value_base_question_and_source(context):
    frame = map_view(context, AppState()).frame.set_index("code")
    lines = frame.loc["76", "details"]
    assert lines[0] == f"100{NBSP}%"
    assert "Base : effectif non publié" in lines
    assert any(line.startswith("Question : ") for line in lines)
    assert any(line.startswith("Source : ") and "RAMEAU" in line for line in lines)
    assert frame.loc["11", "details"][0] == "non publié"


def test_simulated_hover_has_interval_bases_significance_and_the_label(context):
    view = map_view(context, AppState(dataset="simule"))
    assert view.simulated and view.coverage.startswith("Valeurs estimées")
    lines = view.frame.set_index("code").loc["76", "details"]
    assert "[IC 95 % : " in lines[0]
    assert lines[1].startswith("n = ") and "(n effectif " in lines[1]
    assert any("la France (" in line for line in lines)
    assert lines[-1] == "DONNÉES SIMULÉES"


def test_departments_show_their_region_value_counted_once(context):
    view = map_view(context, AppState(level="departement"))
    frame = view.frame.set_index("code")
    assert view.geometry_level == "departements"
    assert frame.loc["14", "value_label"] == f"77{NBSP}%"  # Calvados, in Normandie
    assert frame.loc["14", "details"][0] == "valeur de la région Normandie"
    # Normandie's 5 and Auvergne-Rhône-Alpes' 12 departments at 77 %, Occitanie's 13 at 100 %
    assert view.classification.counts == (17, 13)
    assert [(e.label, e.count) for e in view.legend][:2] == [
        (f"77{NBSP}%", 17),
        (f"100{NBSP}%", 13),
    ]


def test_english_view(context):
    view = map_view(context, AppState(actor="citoyens", lang="en"))
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
    assert map_view(context, state).title == (
        "Note moyenne de fragilité (1 à 10) — Pauvreté / lutte contre l'exclusion — "
        "Entreprises (1 000 salariés et plus)"
    )


def _every_simulated_view(catalogue):
    for actor in SURVEYED:
        segments = ["all", *(s.id for s in actor_segments(catalogue, actor))]
        for segment, (indicator, spec) in itertools.product(segments, MICRO_INDICATORS.items()):
            for fragility in catalogue.fragilities if spec.per_fragility else [None]:
                yield AppState(
                    dataset="simule",
                    actor=actor,
                    segment=segment,
                    indicator=indicator,
                    fragility=fragility,
                )


def test_every_simulated_combination_renders_and_hides_suppressed_values(context):
    """Acceptance 3: 13 locations, values exactly where the status is ok (prudence is drawn as
    ok, with its warning), and no suppressed cell's value in the hover or the figure data."""
    from dashboard.components.carte_map import map_panel

    drawn = context.geometry_url("regions")  # as in a filter change: the changes only
    schemes = itertools.cycle(("fixed", "quantiles", "equal_interval", "fisher_jenks", "diverging"))
    walked = 0
    for state in _every_simulated_view(context.catalogue):
        state = state.model_copy(update={"classes": next(schemes)})
        panel = map_panel(context, state, drawn_geometry=drawn)
        frame = panel.view.frame
        surveyed = frame[frame["status"] != "non_couvert"]
        assert len(surveyed) == 13
        valued = surveyed["status"] == "ok"
        assert (surveyed["class_index"] >= 0).tolist() == valued.tolist()
        assert (surveyed["value_label"] != "").tolist() == valued.tolist()
        assert set(panel.changes["data"][0]["locations"]) == set(surveyed.loc[valued, "code"])
        suppressed = frame.index[frame["status"] == "supprime"]
        for lines in frame.loc[suppressed, "details"]:
            assert lines[0] == "base insuffisante"
            assert not any("%" in line or "IC 95" in line for line in lines[:2])
        walked += 1
    assert walked == 663


def test_commune_level_draws_one_region_or_all_of_france(context):
    region = map_view(context, AppState(dataset="simule", level="commune", territory="28"))
    assert region.geometry_level == "communes-28"
    assert len(region.frame) == (context.communes["region"] == "28").sum()
    everywhere = map_view(context, AppState(level="commune", territory="FR", show="size"))
    assert everywhere.geometry_level == "communes"
    assert len(everywhere.frame) == 34_746
    assert [e.label for e in everywhere.legend][:1] == ["Communes de moins de 500 habitants"]


def test_commune_values_are_always_labelled_as_their_stratum_s(context):
    view = map_view(context, AppState(dataset="simule", level="commune", territory="28"))
    assert set(view.frame["status"]) <= {"ok", "supprime", "sans_valeur_communale"}
    for lines, status in zip(view.frame["details"], view.frame["status"], strict=True):
        if status != "sans_valeur_communale":
            assert lines[1].startswith("valeur de la strate Normandie × Communes de")
            assert lines[1].endswith("pas un résultat de la commune")


def test_a_view_asked_for_again_is_answered_from_the_cache_and_is_the_same(context):
    from dashboard.components.carte_map import map_panel

    state = AppState(actor="citoyens", k=4)
    first = map_panel(context, state)
    assert map_panel(context, state) is first
    assert map_panel(context, state.model_copy(update={"k": 3})) is not first
    france = AppState(level="commune", territory="FR", show="size")
    assert map_panel(context, france) is map_panel(context, france)
    upload = pd.DataFrame({"code": ["14118"], "value": [1.0]})
    uploaded = AppState(level="commune", territory="28", show="upload")
    assert map_panel(context, uploaded, upload) is not map_panel(context, uploaded, upload)
