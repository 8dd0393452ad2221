"""The default classes in the Carte's dropdown, on Analyse's small maps and in the exports."""

import itertools

import numpy as np

from dashboard.core.state import AppState, parse_state
from dashboard.views.analyse import analysis_view
from dashboard.views.analyse_maps import analysis_maps, panels_half_width
from dashboard.views.carte_filters import filter_options
from dashboard.views.classification import classify


def test_the_dropdown_offers_the_default_first_and_the_full_scale_next(context):
    options = filter_options(context, AppState())["classes"]
    assert [(o["value"], o["label"]) for o in options[:2]] == [
        ("auto", "Selon les données (par défaut)"),
        ("fixed", "Échelle complète, classes égales"),
    ]
    english = filter_options(context, AppState(lang="en"))["classes"]
    assert english[0]["label"] == "Following the data (default)"


def test_analyse_maps_use_the_carte_rule_on_all_their_values(context):
    query = {"dataset": "simule", "indicator": "fragility_mean_score", "fragility": "emploi",
             "rows": "territory", "cols": "actor"}  # fmt: skip
    state, notices = parse_state(query, context.choices)
    assert not notices and state.classes == "auto"
    view, _ = analysis_view(context, state)
    maps = analysis_maps(context, view)
    half = panels_half_width(view, "rows")
    regional = [member.id != "FR" for member in view.table.rows]
    assert regional.count(False) == 1
    valued = ~np.isnan(view.values[regional])
    lows = view.table.matrix("ci_low").astype(float)[regional][valued]
    highs = view.table.matrix("ci_high").astype(float)[regional][valued]
    assert half == np.median((highs - lows) / 2)
    values = np.concatenate([panel.frame["value"].where(panel.frame["status"] == "ok")
                             for panel in maps.panels])  # fmt: skip
    assert maps.classification == classify(values, "auto", 5, (1, 10), precision=1, half_width=half)
    edges = (maps.classification.lower[0], *maps.classification.upper)
    assert maps.classification.k >= 3
    assert all(b - a >= half for a, b in itertools.pairwise(edges))
