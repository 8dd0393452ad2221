from dashboard.core.state import AppState
from dashboard.core.values import VALUE_COLUMNS, region_values


def test_published_and_simulated_values_come_in_the_same_columns(context):
    published = region_values(context, AppState())
    simulated = region_values(context, AppState(dataset="simule"))
    for values in (published, simulated):
        assert tuple(values.regions.columns) == VALUE_COLUMNS
        assert values.regions["code"].tolist() == list(context.catalogue.regions)
    assert published.france == 87.0
    assert published.regions["ci_low"].isna().all()
    assert simulated.regions["ci_low"].notna().any()
    assert set(simulated.regions["source"]) <= {"données simulées", ""}


def test_an_indicator_the_microdata_cannot_give_is_not_published_everywhere(context):
    values = region_values(context, AppState(dataset="simule", indicator="alliance_duty_share"))
    assert set(values.regions["status"]) == {"non_publie"}
    assert values.france is None


def test_a_per_fragility_indicator_without_fragility_is_not_published(context):
    state = AppState(dataset="simule", actor="citoyens", indicator="fragility_mean_score")
    assert set(region_values(context, state).regions["status"]) == {"non_publie"}


def test_joint_figures_name_the_regions_they_cover(context):
    state = AppState(actor="citoyens", indicator="fragility_share_high", fragility="environnement")
    regions = region_values(context, state).regions.set_index("code")
    assert regions.loc["93", "joint_with"] == regions.loc["94", "joint_with"]
    assert "93" in regions.loc["94", "joint_with"]
