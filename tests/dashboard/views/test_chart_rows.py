"""Rows of a chart of territories side by side: each territory's figure with its provenance."""

from dashboard.core.state import AppState
from dashboard.views.chart_rows import TERRITORY_COLUMNS, territory_chart_rows

INNOVATION = ("maires", "partnership_innovation_share", None)
EMPLOYMENT = ("maires", "fragility_mean_score", "emploi")


def test_each_territory_s_published_figure_with_its_source_and_confidence(context):
    rows = territory_chart_rows(context, AppState(), ["28", "76", "FR"], [INNOVATION])
    assert list(rows.columns) == list(TERRITORY_COLUMNS)
    assert rows["territory"].tolist() == ["28", "76", "FR"]
    assert rows["territory_name"].tolist() == ["Normandie", "Occitanie", "France"]
    assert rows["value"].tolist() == [77.0, 100.0, 87.0]
    assert rows["confidence"].tolist() == ["high", "high", "high"]
    assert rows["study"].tolist() == ["PHARE-Institutions"] * 3
    assert rows["source_date"].tolist() == ["2017-08", "2017-08", "2016-11-29"]
    assert rows["source"].str.startswith("Le RAMEAU").all()


def test_a_view_without_value_for_a_territory_is_not_written(context):
    # no region has a published score of the mayors: only France's row of that view remains
    rows = territory_chart_rows(context, AppState(), ["28", "FR"], [INNOVATION, EMPLOYMENT])
    assert list(zip(rows["territory"], rows["indicator"], strict=True)) == [
        ("28", "partnership_innovation_share"),
        ("FR", "partnership_innovation_share"),
    ]


def test_no_territory_gives_an_empty_frame_with_every_column(context):
    rows = territory_chart_rows(context, AppState(), [], [INNOVATION])
    assert rows.empty and list(rows.columns) == list(TERRITORY_COLUMNS)
