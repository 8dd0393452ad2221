"""Every kind of dataset gives the same columns: the UI never knows which it got."""

from pathlib import Path

import pandas as pd
import pytest

from phare.catalogue import load_catalogue
from phare.datasets import PUBLISHED, SIMULATED_LABEL, VIEW_COLUMNS, estimate_view, open_dataset
from phare.published import load_published
from phare.releases import import_release
from phare.simulate import simulate, write_microdata


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="module")
def simulated_file(catalogue, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sim") / "simulated.csv"
    frame = simulate(catalogue, load_published(catalogue), seed=1, respondents=4000)
    write_microdata(frame, path)
    return path


VIEW = {"actor": "maires", "indicator": "partnership_innovation_share"}


def test_published_figures_come_out_in_the_estimate_columns(catalogue, tmp_path):
    table = estimate_view(open_dataset(PUBLISHED, catalogue, tmp_path), catalogue, **VIEW)
    assert tuple(table.columns) == VIEW_COLUMNS
    assert table["territory_code"].tolist()[-1] == "FR"
    values = dict(zip(table["territory_code"], table["value"], strict=True))
    assert (values["28"], values["76"], values["FR"]) == (77.0, 100.0, 87.0)
    assert table.loc[table["territory_code"] == "11", "status"].item() == "non_publie"


def test_a_simulated_file_is_labelled_as_such_in_every_row(catalogue, simulated_file, tmp_path):
    dataset = open_dataset(str(simulated_file), catalogue, tmp_path)
    assert dataset.simulated
    table = estimate_view(dataset, catalogue, **VIEW)
    assert tuple(table.columns) == VIEW_COLUMNS
    assert set(table["source"]) == {SIMULATED_LABEL}
    assert table["value"].notna().any()


def test_an_imported_simulated_release_keeps_its_label(catalogue, simulated_file, tmp_path):
    import_release(simulated_file, "sim-1", tmp_path, catalogue)
    dataset = open_dataset("sim-1", catalogue, tmp_path)
    assert dataset.simulated and dataset.kind == "microdata"
    assert set(estimate_view(dataset, catalogue, **VIEW)["source"]) == {SIMULATED_LABEL}


def test_microdata_is_coded_once_when_opened_and_gives_the_same_view(
    catalogue, simulated_file, tmp_path
):
    from phare.estimates import estimate_cells

    dataset = open_dataset(str(simulated_file), catalogue, tmp_path)
    assert dataset.prepared is not None
    fast = estimate_view(dataset, catalogue, **VIEW)
    slow = estimate_cells(dataset.frame, catalogue, **VIEW)
    pd.testing.assert_frame_equal(fast.drop(columns="source"), slow)


def test_department_views_agree_between_prepared_and_raw_microdata(
    catalogue, simulated_file, tmp_path
):
    from phare.estimates import estimate_cells

    dataset = open_dataset(str(simulated_file), catalogue, tmp_path)
    frame = dataset.frame.assign(commune_code="01001")  # every respondent in Ain
    view = {"actor": "citoyens", "indicator": "fragility_mean_score", "fragility": "emploi"}
    raw = estimate_cells(frame, catalogue, by="department", **view)
    from phare.prepared import prepare

    prepared = estimate_cells(prepare(frame, catalogue), catalogue, by="department", **view)
    pd.testing.assert_frame_equal(raw, prepared)
    ain = raw.set_index("territory_code").loc["01"]
    france = raw.set_index("territory_code").loc["FR"]
    assert ain["value"] == france["value"] and ain["n"] == france["n"] > 0


def test_regional_cells_estimated_once_give_the_same_views_as_one_by_one(catalogue):
    from phare.datasets import simulated_dataset, with_regional_cells
    from phare.estimates import estimate_cells

    dataset = simulated_dataset(catalogue, load_published(catalogue), seed=3, respondents=3000)
    cached = with_regional_cells(dataset, catalogue)
    for view in (
        VIEW,
        {
            "actor": "entreprises",
            "segment": "10_49",
            "indicator": "fragility_mean_score",
            "fragility": "pauvrete",
        },
    ):
        fast = estimate_view(cached, catalogue, **view)
        slow = estimate_cells(dataset.frame, catalogue, **view)
        pd.testing.assert_frame_equal(fast.drop(columns="source"), slow)
    available = cached.regional_cells.available
    assert {"actor", "segment", "indicator", "fragility"} == set(available.columns)
    assert ((available["actor"] == "maires") & (available["segment"] == "all")).any()


def test_regional_cells_are_not_used_with_other_bases(catalogue):
    from phare.datasets import simulated_dataset, with_regional_cells

    dataset = simulated_dataset(catalogue, load_published(catalogue), seed=3, respondents=3000)
    cached = with_regional_cells(dataset, catalogue)
    strict = estimate_view(cached, catalogue, **VIEW, min_base=100_000, caution_base=100_000)
    assert set(strict["status"]) == {"supprime"}


def test_a_view_without_explicit_bases_uses_those_the_cells_were_estimated_with(catalogue):
    """The app loads a dataset with PHARE_MIN_BASE: every view of it must use that threshold."""
    from phare.datasets import simulated_dataset, with_regional_cells

    dataset = simulated_dataset(catalogue, load_published(catalogue), seed=3, respondents=3000)
    strict = with_regional_cells(dataset, catalogue, min_base=100_000, caution_base=100_000)
    regional = estimate_view(strict, catalogue, **VIEW)
    by_department = estimate_view(strict, catalogue, **VIEW, by="department")
    assert set(regional["status"]) == set(by_department["status"]) == {"supprime"}
