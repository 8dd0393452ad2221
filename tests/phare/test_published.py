import math

import pandas as pd
import pytest

from phare.catalogue import load_catalogue
from phare.errors import InvalidDataFile
from phare.published import PUBLISHED_FIGURES, load_excluded, load_published
from phare.settings import PROJECT_ROOT

SHARED_FIGURES = PROJECT_ROOT.parent / "shared" / "data" / "phare" / "published_figures.csv"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_the_published_figures_load_with_every_code_catalogued(catalogue):
    frame = load_published(catalogue)
    assert len(frame) == 165
    assert frame["region_code"].map(type).eq(str).all()
    row = frame[
        (frame["indicator"] == "partnership_innovation_share")
        & (frame["actor"] == "maires")
        & (frame["region_code"] == "FR")
        & (frame["study"] == "PHARE-Institutions")
    ]
    assert row["value"].tolist() == [87.0]


def write_variant(tmp_path, replace: str, by: str):
    text = PUBLISHED_FIGURES.read_text(encoding="utf-8")
    assert replace in text
    path = tmp_path / "figures.csv"
    path.write_text(text.replace(replace, by, 1), encoding="utf-8")
    return path


def test_an_unknown_actor_is_reported_with_its_row_and_column(catalogue, tmp_path):
    path = write_variant(tmp_path, "PHARE-Citoyens,citoyens,", "PHARE-Citoyens,habitants,")
    with pytest.raises(InvalidDataFile) as error:
        load_published(catalogue, path)
    assert error.value.problems == [
        "row 2, column 'actor': value 'habitants' fails isin(['associations', 'citoyens', "
        "'entreprises', 'maires', 'pionniers'])"
    ]
    assert str(path) in str(error.value)


def test_a_value_that_is_not_a_number_is_reported(catalogue, tmp_path):
    path = write_variant(tmp_path, ",emploi,7.1,", ",emploi,sept,")
    with pytest.raises(InvalidDataFile) as error:
        load_published(catalogue, path)
    assert len(error.value.problems) == 1
    assert error.value.problems[0].startswith("row 2, column 'value': value 'sept'")


def test_a_unit_that_contradicts_the_catalogue_is_reported(catalogue, tmp_path):
    path = write_variant(tmp_path, ",emploi,7.1,score_1_10,", ",emploi,7.1,pct,")
    with pytest.raises(InvalidDataFile, match="row 2, column 'unit': 'pct' for fragility_mean"):
        load_published(catalogue, path)


def test_a_missing_column_is_named(catalogue, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text("study,actor\nPHARE-Citoyens,citoyens\n", encoding="utf-8")
    with pytest.raises(InvalidDataFile, match="missing column\\(s\\): segment, region_code"):
        load_published(catalogue, path)


def rows_like(frame: pd.DataFrame, row: dict) -> pd.DataFrame:
    """Rows of ``frame`` with the same cell key, source and value as the shared ``row``."""
    keep = pd.Series(True, index=frame.index)
    for column in ("study", "actor", "segment", "region_code", "indicator", "source"):
        keep &= frame[column].astype(str) == row[column]
    keep &= frame["fragility"].fillna("").astype(str) == row["fragility"]
    keep &= frame["value"].astype(float) == float(row["value"])
    return frame[keep]


def same(a: object, b: object) -> bool:
    missing_a = a is None or (isinstance(a, float) and math.isnan(a)) or a == ""
    missing_b = b is None or (isinstance(b, float) and math.isnan(b)) or b == ""
    return (missing_a and missing_b) or str(a) == str(b)


@pytest.mark.skipif(not SHARED_FIGURES.exists(), reason="../shared is not beside the repository")
def test_every_shared_row_is_loaded_unchanged_or_excluded_with_a_reason(catalogue):
    """Acceptance: each row of the shared file is in the dataset (value, unit, base, source and
    date equal) or in excluded_rows.csv with a reason, never in neither and never in both."""
    shared = pd.read_csv(SHARED_FIGURES, dtype=str, keep_default_na=False)
    dataset = load_published(catalogue)
    excluded = load_excluded()
    assert excluded["reason"].str.len().gt(20).all()
    loaded = dataset.assign(segment=dataset["source_segment"])
    for number, row in enumerate(shared.to_dict("records"), start=2):
        found, left_out = rows_like(loaded, row), rows_like(excluded, row)
        assert len(found) + len(left_out) >= 1, (
            f"shared row {number} is neither loaded nor excluded"
        )
        assert found.empty or left_out.empty, f"shared row {number} is both loaded and excluded"
        for record in found.to_dict("records"):
            for column in ("unit", "base_n", "source", "source_date"):
                assert same(record[column], row[column]), (number, column)


def test_segments_follow_the_study_population(catalogue):
    frame = load_published(catalogue)
    firms = frame[frame["study"] == "PHARE-Entreprises"]
    assert set(firms["segment"]) == {"all", "1000_plus"}
    assert set(firms.loc[firms["segment"] == "all", "source_segment"]) == {"10+ salariés"}


def test_a_figure_published_for_paca_and_corse_together_is_marked_on_both(catalogue):
    frame = load_published(catalogue)
    joint = frame[frame["joint_with"].notna()]
    assert sorted(joint["region_code"]) == ["93", "93", "94", "94"]
    assert set(joint["joint_with"]) == {"93,94"}
