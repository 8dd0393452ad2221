"""The Analyse page's cross-table: published cells, crossed suppression, column tests."""

import itertools

import numpy as np
import pandas as pd
import pytest

from dashboard.core.state import AppState, parse_state
from dashboard.core.values import view_values
from dashboard.views.analyse_table import (
    AGAINST_FIRST,
    AGAINST_FRANCE,
    AGAINST_REST,
    DIMENSIONS,
    NOT_TESTED,
    cross_table,
    next_state,
)
from phare.estimates import segment_against_rest
from phare.weighted import SUPPRIME, holm_significant


def table(context, **query):
    state, problems = parse_state(query, context.choices)
    assert not problems, problems
    return cross_table(context, state)


def cell(frame: pd.DataFrame, row: str, col: str) -> pd.Series:
    return frame[(frame["row"] == row) & (frame["col"] == col)].iloc[0]


def test_published_national_scores_by_fragility_and_actor(context):
    crossed, notices = table(
        context, indicator="fragility_mean_score", rows="fragility", cols="actor", territory="FR"
    )
    cells = crossed.cells
    assert not notices
    assert [
        cell(cells, "emploi", a)["value"] for a in ("citoyens", "associations", "entreprises")
    ] == [
        7.1,
        6.8,
        5.6,
    ]
    mayors = cell(cells, "emploi", "maires")
    assert np.isnan(mayors["value"]) and mayors["status"] == "non_publie"
    health = cell(cells, "sante", "citoyens")
    assert np.isnan(health["value"]) and health["status"] == "non_publie"
    # IMPACT 2019 gave 6,4 for emploi: another programme, never in the PHARE table
    assert 6.4 not in set(cells.loc[cells["row"] == "emploi", "value"])
    assert crossed.test == NOT_TESTED  # published figures have no interval
    assert len(crossed.rows) == 16 and [c.id for c in crossed.cols] == [
        "citoyens",
        "associations",
        "entreprises",
        "maires",
    ]


@pytest.mark.parametrize(("rows", "cols"), list(itertools.permutations(DIMENSIONS, 2)))
def test_every_pair_renders_and_each_cell_is_the_data_layer_estimate(context, rows, cols):
    crossed, _ = table(
        context,
        dataset="simule",
        indicator="fragility_mean_score",
        rows=rows,
        cols=cols,
        actor="entreprises",
        fragility="emploi",
        territory="84",
    )
    cells = crossed.cells
    assert len(cells) == len(crossed.rows) * len(crossed.cols)
    for record in cells.sample(min(len(cells), 12), random_state=1).itertuples():
        if record.status == "sans_objet":
            assert record.segment != "all"
            continue
        state = AppState(
            dataset="simule",
            indicator="fragility_mean_score",
            actor=record.actor,
            segment=record.segment,
            fragility=record.fragility,
        )
        expected = view_values(context, state).set_index("code").loc[record.territory]
        assert record.status == expected["status"]
        assert record.value == pytest.approx(expected["value"], nan_ok=True)
        assert record.n == expected["n"]
    assert not cells.loc[cells["status"] == SUPPRIME, "value"].notna().any()


def test_crossed_cells_under_the_minimum_base_are_suppressed(context):
    """Segment × territory: the crossing has small cells the margins do not have."""
    crossed, _ = table(
        context,
        dataset="simule",
        indicator="fragility_mean_score",
        rows="territory",
        cols="segment",
        actor="entreprises",
        fragility="emploi",
    )
    cells = crossed.cells
    suppressed = cells[cells["status"] == SUPPRIME]
    assert not suppressed.empty
    assert suppressed["value"].isna().all() and (suppressed["mark"] == "").all()
    assert (cells.loc[cells["status"] != SUPPRIME, "n_eff"].dropna() >= 30).all()
    status = cells.set_index(["row", "col"])["status"]
    crossed_only = [
        (row, col)
        for row, col in suppressed[["row", "col"]].itertuples(index=False)
        if status[(row, "all")] != SUPPRIME and status[("FR", col)] != SUPPRIME
    ]
    assert crossed_only  # suppressed in the crossing while both its margins show a value


def test_segment_marks_agree_with_the_data_layer(context):
    crossed, _ = table(
        context,
        dataset="simule",
        indicator="fragility_mean_score",
        rows="territory",
        cols="segment",
        actor="entreprises",
        fragility="emploi",
    )
    assert crossed.test == AGAINST_REST
    dataset = context.dataset("simule")
    rests = {
        segment: segment_against_rest(
            dataset.prepared,
            context.catalogue,
            actor="entreprises",
            segment=segment,
            indicator="fragility_mean_score",
            fragility="emploi",
        ).set_index("territory_code")
        for segment in ("10_49", "50_249", "250_plus")
    }
    cells = crossed.cells
    for territory in [m.id for m in crossed.rows]:
        row = cells[cells["row"] == territory]
        p = [np.nan if s == "all" else rests[s].loc[territory, "p_value"] for s in row["col"]]
        assert list(row["significant"]) == holm_significant(np.array(p))
    assert (cells["mark"] != "").any()


def test_actor_marks_compare_with_the_first_column_and_territories_with_france(context):
    actors, _ = table(
        context, dataset="simule", indicator="fragility_mean_score", rows="fragility", cols="actor"
    )
    assert actors.test == AGAINST_FIRST
    assert (actors.cells.loc[actors.cells["col"] == "citoyens", "significant"].isna()).all()
    regions, _ = table(
        context,
        dataset="simule",
        indicator="fragility_mean_score",
        rows="actor",
        cols="territory",
        fragility="sante",
    )
    assert regions.test == AGAINST_FRANCE
    state = AppState(dataset="simule", indicator="fragility_mean_score", fragility="sante")
    for actor in ("citoyens", "maires"):
        expected = view_values(context, state.model_copy(update={"actor": actor}))
        got = regions.cells[regions.cells["row"] == actor]
        assert list(got["significant"]) == list(expected["significant"].iloc[[-1, *range(13)]])


def test_what_cannot_apply_falls_back_with_a_notice(context):
    state, _ = parse_state(
        {
            "indicator": "partnership_rate",
            "rows": "fragility",
            "cols": "fragility",
            "segment": "10_49",
        },
        context.choices,
    )
    crossed, notices = cross_table(context, state)
    assert {n.name for n in notices} >= {"rows", "segment"}
    assert crossed.choice.rows != "fragility" and crossed.choice.rows != crossed.choice.cols


def test_a_group_keeps_its_fragilities_and_group_rows_are_fragilities(context):
    crossed, _ = table(
        context,
        indicator="fragility_mean_score",
        rows="group",
        cols="actor",
        group="environnementaux",
    )
    assert [m.id for m in crossed.rows] == ["environnement", "transition_energetique"]


def test_the_controls_swap_dimensions_and_reset_what_no_longer_applies():
    before = AppState(rows="fragility", cols="actor", actor="entreprises", segment="10_49")
    assert next_state(before, {"rows": "actor"})["cols"] == "fragility"
    assert next_state(before, {"actor": "maires"})["segment"] == "all"
    changed = next_state(before, {"indicator": "partnership_rate"})
    assert "rows" not in changed and "cols" not in changed
