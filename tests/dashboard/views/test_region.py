"""The region profile's numbers: published figures as published, estimates as the data layer
computed them (significance, rank ranges), nothing filled in."""

import math

import numpy as np
import pandas as pd
import pytest

from dashboard.core.state import AppState
from dashboard.text.cells import ABOVE_MARK, BELOW_MARK, rank_text, significance_mark
from dashboard.views.region import (
    PROFILE_ACTORS,
    SCORE,
    actor_gaps,
    gaps_for,
    has_regional_value,
    region_profile,
    territory_rows,
)
from phare.comparisons import column_differences, rank_ranges
from phare.datasets import estimate_view

PUBLISHED = AppState()
SIMULATED = AppState(dataset="simule")


@pytest.fixture(scope="module")
def published(context):
    return region_profile(context, PUBLISHED, "27")


@pytest.fixture(scope="module")
def simulated(context):
    return region_profile(context, SIMULATED, "27")


def row(frame, **where):
    mask = np.ones(len(frame), dtype=bool)
    for column, value in where.items():
        mask &= (frame[column] == value).to_numpy()
    assert mask.sum() == 1, where
    return frame[mask].iloc[0]


def test_bourgogne_franche_comte_partnership_figures_are_the_published_ones(published):
    rows = published.partnership
    innovation = {
        actor: row(rows, actor=actor, indicator="partnership_innovation_share")["value"]
        for actor in ("citoyens", "associations", "entreprises")
    }
    assert innovation == {"citoyens": 75, "associations": 95, "entreprises": 82}
    cooperation = row(
        rows, actor="entreprises", indicator="partnership_type_share_cooperation_economique"
    )
    societal = row(
        rows, actor="entreprises", indicator="partnership_type_share_innovation_societale"
    )
    assert (cooperation["value"], societal["value"]) == (44, 34)
    assert "25%" in cooperation["note"] and "16%" in societal["note"]
    assert cooperation["study"] == "PHARE-Regional"


def test_what_was_not_published_stays_missing(published):
    mayors = row(published.partnership, actor="maires", indicator="partnership_innovation_share")
    assert math.isnan(mayors["value"]) and mayors["status"] == "non_publie"
    assert mayors["france"] == 87  # France's published value beside it, never in its place
    assert rank_text(mayors, "fr") == ""


def test_every_actor_lists_the_sixteen_fragilities_and_none_has_regional_scores(context, published):
    for actor in PROFILE_ACTORS:
        rows = published.fragilities[actor]
        assert list(rows["fragility"]) == list(context.catalogue.fragilities)
        assert not has_regional_value(rows)
    assert row(published.fragilities["citoyens"], fragility="emploi")["france"] == 7.1


def test_without_regional_scores_the_top_three_are_france_s_and_say_so(published):
    citizens = published.top[published.top["actor"] == "citoyens"]
    assert list(citizens["scope"]) == ["france"] * 3
    assert citizens["value"].iloc[0] == 7.1


def test_significance_marks_are_the_data_layer_s_corrected_tests(context, simulated):
    """Acceptance 3: a marker exactly where the Holm-corrected test (data layer) rejects."""
    dataset = context.dataset("simule")
    marked = 0
    for actor in PROFILE_ACTORS:
        for _, profile_row in simulated.fragilities[actor].iterrows():
            view = estimate_view(
                dataset,
                context.catalogue,
                actor=actor,
                indicator=SCORE,
                fragility=profile_row["fragility"],
            )
            cell = view.set_index("territory_code").loc["27"]
            france = view.set_index("territory_code").loc["FR", "value"]
            expected = ""
            if cell["significant"] is True:
                expected = ABOVE_MARK if cell["value"] > france else BELOW_MARK
            assert significance_mark(profile_row) == expected
            marked += expected != ""
    assert 0 < marked < 64  # some markers, not everywhere


def test_ranks_are_ranges_from_the_pairwise_tests(context, simulated):
    dataset = context.dataset("simule")
    rows = simulated.fragilities["citoyens"]
    view = estimate_view(
        dataset, context.catalogue, actor="citoyens", indicator=SCORE, fragility="emploi"
    )
    regions = view[view["territory_code"] != "FR"].reset_index(drop=True)
    ranks = rank_ranges(regions).iloc[int(np.flatnonzero(regions["territory_code"] == "27")[0])]
    emploi = row(rows, fragility="emploi")
    assert (emploi["best_rank"], emploi["worst_rank"]) == (ranks["best_rank"], ranks["worst_rank"])
    spans = (rows["worst_rank"] - rows["best_rank"]).dropna()
    assert (spans > 0).any()  # overlapping intervals give ranges such as "3e–11e"
    assert "–" in rank_text(row(rows, fragility=rows.loc[spans.idxmax(), "fragility"]), "fr")


def test_gaps_between_actors_are_differences_with_holm_corrected_tests(simulated):
    gaps = gaps_for(simulated, "emploi")
    assert len(gaps) == 6
    scores = {a: row(simulated.fragilities[a], fragility="emploi") for a in PROFILE_ACTORS}
    first = gaps.iloc[0]
    assert first["gap"] == pytest.approx(
        scores[first["first"]]["value"] - scores[first["second"]]["value"]
    )
    assert (gaps["ci_low"] < gaps["gap"]).all() and (gaps["gap"] < gaps["ci_high"]).all()
    frames = [
        [scores[a][["value", "ci_low", "ci_high"]] for a in gaps[column]]
        for column in ("first", "second")
    ]
    expected = column_differences(
        *(pd.DataFrame(f).astype(float).reset_index(drop=True) for f in frames)
    )
    assert list(gaps["significant"]) == list(expected)


def test_published_gaps_without_scores_are_not_published(published):
    gaps = actor_gaps(
        {a: row(published.fragilities[a], fragility="emploi") for a in PROFILE_ACTORS}
    )
    assert set(gaps["status"]) == {"non_publie"}
    assert gaps["significant"].isna().all()


def test_france_rows_for_comparer_carry_france_s_values(context):
    views = [("citoyens", SCORE, "emploi"), ("citoyens", "partnership_innovation_share", None)]
    france = territory_rows(context, PUBLISHED, "FR", views)
    assert list(france["value"]) == [7.1, 69]
    assert list(france["status"]) == ["ok", "ok"]
    region = territory_rows(context, PUBLISHED, "27", views)
    assert math.isnan(region["value"].iloc[0]) and region["value"].iloc[1] == 75
