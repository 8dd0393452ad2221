import pytest

from phare.catalogue import load_catalogue
from phare.errors import InvalidDataFile
from phare.published import PUBLISHED_FIGURES, load_published


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_the_published_figures_load_with_every_code_catalogued(catalogue):
    frame = load_published(catalogue)
    assert len(frame) == 166
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
