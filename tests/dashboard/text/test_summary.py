"""The map in one sentence: every valued region named, or the range; the others counted."""

import numpy as np
import pandas as pd
import pytest

from dashboard.core.state import AppState
from dashboard.core.values import RegionValues, region_values
from dashboard.text.summary import legend_summary, map_summary

NBSP = "\xa0"  # between a number and its % sign
NNBSP = "\u202f"  # between thousands


def summary(context, state: AppState) -> str:
    unit = context.catalogue.indicators[state.indicator].unit
    return map_summary("Vue", region_values(context, state), context.catalogue, unit, state.lang)


def test_the_mayors_innovation_map_names_each_published_region(context):
    assert summary(context, AppState()) == (
        f"Vue : 77{NBSP}% en Normandie et en Auvergne-Rhône-Alpes, 100{NBSP}% en Occitanie ; "
        f"non publié pour les 10 autres régions ; France : 87{NBSP}%."
    )


def test_in_english(context):
    assert summary(context, AppState(lang="en")) == (
        "Vue: 77% in Normandie and in Auvergne-Rhône-Alpes, 100% in Occitanie; "
        "not published for the other 10 regions; France: 87%."
    )


def test_a_figure_published_for_two_regions_names_both(context):
    state = AppState(actor="citoyens", indicator="fragility_share_high", fragility="environnement")
    assert f"45{NBSP}% en Provence-Alpes-Côte d'Azur et en Corse" in summary(context, state)


def test_many_values_give_the_range_and_where_its_ends_are(context):
    state = AppState(
        dataset="simule", actor="entreprises", indicator="fragility_mean_score", fragility="emploi"
    )
    values = region_values(context, state).regions
    shown = values[values["status"].isin(["ok", "prudence"])]
    low, high = shown.loc[shown["value"].idxmin()], shown.loc[shown["value"].idxmax()]
    sentence = summary(context, state)
    regions = context.catalogue.regions
    assert sentence.startswith(f"Vue : de {round(low['value'], 1):.1f}".replace(".", ","))
    assert regions[low["code"]].in_fr in sentence and regions[high["code"]].in_fr in sentence
    assert f"({len(shown)} régions)" in sentence


def test_suppressed_cells_are_counted_never_given_a_value():
    regions = pd.DataFrame(
        {
            "code": ["11", "24", "27"],
            "value": [50.0, np.nan, np.nan],
            "status": ["ok", "supprime", "supprime"],
        }
    )
    catalogue = pytest.importorskip("phare.catalogue").load_catalogue()
    sentence = map_summary("Vue", RegionValues(regions, None), catalogue, "pct", "fr")
    assert (
        sentence
        == f"Vue : 50{NBSP}% en Île-de-France ; base insuffisante pour les 2 autres régions."
    )


def test_a_view_with_nothing_published_says_so_for_every_region(context):
    state = AppState(actor="citoyens", indicator="fragility_mean_score", fragility="sante")
    assert summary(context, state) == "Vue : non publié pour les 13 régions."


def test_a_commune_map_is_summed_up_by_its_legend():
    entries = [("moins de 500 hab.", 2300), ("500 à 1 999 hab.", 1200), ("non couvert", 0)]
    assert legend_summary("Taille", entries, "fr") == (
        f"Taille : moins de 500 hab. pour 2{NNBSP}300 communes ; "
        f"500 à 1 999 hab. pour 1{NNBSP}200 communes."
    )
