import math

import pandas as pd
import pytest

from phare.catalogue import load_catalogue
from phare.published import load_published
from phare.selection import NOT_PUBLISHED, OK, coverage, select_region_values


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="module")
def published(catalogue):
    return load_published(catalogue)


def values_by_region(frame: pd.DataFrame) -> dict[str, float]:
    return {row.region_code: row.value for row in frame.itertuples() if row.status == OK}


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("maires", {"28": 77.0, "84": 77.0, "76": 100.0}),
        ("citoyens", {"27": 75.0}),
        ("associations", {"27": 95.0}),
        ("entreprises", {"27": 82.0}),
        ("pionniers", {}),
    ],
)
def test_innovation_share_by_region_is_what_was_published(catalogue, published, actor, expected):
    frame = select_region_values(
        published, catalogue, indicator="partnership_innovation_share", actor=actor
    )
    assert len(frame) == 13
    assert values_by_region(frame) == expected


def test_regions_without_a_value_are_not_published_never_zero(catalogue, published):
    frame = select_region_values(
        published, catalogue, indicator="partnership_innovation_share", actor="maires"
    )
    missing = frame[frame["status"] == NOT_PUBLISHED]
    assert len(missing) == 10
    assert all(math.isnan(value) for value in missing["value"])
    assert coverage(frame) == (3, 13)


def test_impact_values_stay_out_of_the_phare_view(catalogue, published):
    frame = select_region_values(
        published, catalogue, indicator="alliance_duty_share", actor="citoyens"
    )
    assert values_by_region(frame) == {}
    impact = select_region_values(
        published,
        catalogue,
        indicator="alliance_duty_share",
        actor="citoyens",
        programme="impact",
    )
    assert values_by_region(impact) == {"76": 82.0}


def test_between_equal_confidences_the_latest_source_date_wins(catalogue, published):
    rows = published[
        (published["indicator"] == "partnership_innovation_share")
        & (published["region_code"] == "28")
    ]
    older = rows.assign(value=60.0, source_date="2015-10")
    newer = rows.assign(value=70.0, source_date="2018-01-02")
    undated = rows.assign(value=50.0, source_date="n.d. (2016)")
    frame = pd.concat([older, undated, newer], ignore_index=True)
    result = select_region_values(
        frame, catalogue, indicator="partnership_innovation_share", actor="maires"
    )
    assert result.set_index("region_code").loc["28", "value"] == 70.0


def test_joint_figures_appear_on_both_regions(catalogue, published):
    frame = select_region_values(
        published,
        catalogue,
        indicator="fragility_share_high",
        actor="citoyens",
        fragility="niveau_de_vie",
    ).set_index("region_code")
    assert frame.loc["93", "value"] == frame.loc["94", "value"] == 48.0
    assert frame.loc["93", "joint_with"] == "93,94"


def test_conflicting_values_highest_confidence_wins_and_the_others_are_counted(
    catalogue, published
):
    rows = published[
        (published["indicator"] == "partnership_innovation_share")
        & (published["region_code"] == "28")
    ]
    doubtful = rows.assign(value=50.0, confidence="low")
    later_high = rows.assign(value=60.0)
    frame = pd.concat([doubtful, rows, later_high], ignore_index=True)
    result = select_region_values(
        frame, catalogue, indicator="partnership_innovation_share", actor="maires"
    )
    normandie = result.set_index("region_code").loc["28"]
    assert normandie["value"] == 77.0
    assert normandie["alternatives"] == 2


def test_every_published_view_computed_once_equals_the_view_selected_alone():
    from phare.catalogue import load_catalogue
    from phare.published import load_published
    from phare.selection import every_region_view, select_region_values

    catalogue = load_catalogue()
    published = load_published(catalogue)
    views = every_region_view(published, catalogue)
    key = ("phare", "maires", "all", "partnership_innovation_share", None)
    alone = select_region_values(
        published, catalogue, indicator=key[3], actor=key[1], segment=key[2], programme=key[0]
    )
    pd.testing.assert_frame_equal(views[key], alone)
    assert len(views) > 100
