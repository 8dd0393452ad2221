"""The Carte's national-only views: chosen like any other, shown as their national chart."""

import pytest

from dashboard.core.state import AppState
from dashboard.text.i18n import t
from dashboard.views.carte_filters import filter_options, state_from_filters
from dashboard.views.carte_national import (
    ACROSS_ACTORS,
    ACROSS_FRAGILITIES,
    national_view,
    view_refusal,
)
from phare.published import NATIONAL
from tests.dashboard.views.test_france import published

CITIZENS = AppState(actor="citoyens")


def phare_rows(context, **keys):
    """The published rows of the PHARE programme's studies matching ``keys``."""
    frame = context.published
    studies = [s.id for s in context.catalogue.studies.values() if s.programme == "phare"]
    rows = frame[frame["study"].isin(studies)]
    for name, value in keys.items():
        rows = rows[rows[name] == value]
    return rows


def test_no_indicator_is_disabled_for_lack_of_a_regional_value(context):
    options = filter_options(context, CITIZENS)["indicator"]
    reasons = {o["title"] for o in options if o.get("disabled")}
    assert reasons == {t("no_value_anywhere", "fr")}
    assert t("no_regional_value", "fr") not in str(options)


def test_every_enabled_indicator_has_a_value_somewhere_and_only_those(context):
    options = filter_options(context, CITIZENS)["indicator"]
    rows = phare_rows(context, actor="citoyens")
    with_value = set(rows.loc[rows["value"].notna(), "indicator"])
    enabled = {o["value"] for o in options if not o.get("disabled")}
    assert enabled == with_value
    national_only = with_value - set(rows.loc[rows["region_code"] != NATIONAL, "indicator"])
    assert "fragility_mean_score" in national_only
    titles = {o["value"]: o.get("title") for o in options}
    assert {titles[i] for i in national_only} == {t("national_only_option", "fr")}


def test_a_fragility_with_a_national_value_only_is_offered(context):
    state = AppState(actor="citoyens", indicator="fragility_mean_score", fragility="emploi")
    fragilities = {o["value"]: o for o in filter_options(context, state)["fragility"]}
    assert "disabled" not in fragilities["emploi"]
    assert fragilities["emploi"]["title"] == t("national_only_option", "fr")


def test_picking_a_per_fragility_indicator_opens_on_a_fragility_with_a_value(context):
    state = state_from_filters(
        AppState(), {"actor": "citoyens", "indicator": "fragility_mean_score"}, context
    )
    assert state.fragility == next(iter(context.catalogue.fragilities))  # emploi, first
    assert national_view(context, state) is not None


def test_citizens_emploi_shows_their_national_scores_across_the_fragilities(context):
    state = AppState(actor="citoyens", indicator="fragility_mean_score", fragility="emploi")
    view = national_view(context, state)
    assert view.kind == ACROSS_FRAGILITIES and view.chosen == "emploi"
    values = view.rows.set_index("fragility")["value"]
    assert values["emploi"] == published(context, "citoyens", "fragility_mean_score", "emploi")
    assert values["emploi"] == pytest.approx(7.1)
    expected = phare_rows(
        context,
        actor="citoyens",
        indicator="fragility_mean_score",
        region_code=NATIONAL,
        segment="all",
    )
    assert set(values.index) == set(expected["fragility"].dropna())
    low = view.rows.loc[view.rows["confidence"] == "low", "fragility"]
    assert len(low) == 8  # the damaged-OCR readings, drawn hollow
    assert view.france_link == "/region/FR"


def test_an_indicator_for_all_domains_shows_it_across_the_actors(context):
    state = AppState(actor="associations", indicator="partnership_rate")
    view = national_view(context, state)
    assert view.kind == ACROSS_ACTORS and view.chosen == "associations"
    assert list(view.rows["value"]) == sorted(view.rows["value"], reverse=True)
    for row in view.rows.itertuples():
        assert row.value == published(context, row.actor, "partnership_rate")


@pytest.mark.parametrize(
    "state",
    [
        AppState(),  # the mayors' regional figures: the map
        AppState(actor="citoyens", indicator="alliance_duty_share"),  # no value in PHARE
    ],
)
def test_a_view_with_a_regional_value_or_none_has_no_national_chart(context, state):
    assert national_view(context, state) is None


def test_an_export_of_a_view_without_regional_value_says_where_to_look(context):
    assert view_refusal(context, AppState()) is None
    national = AppState(actor="citoyens", indicator="fragility_mean_score", fragility="emploi")
    assert "/export/chart/carte-national.png?" in view_refusal(context, national)
    nothing = AppState(actor="citoyens", indicator="alliance_duty_share", lang="en")
    assert view_refusal(context, nothing) == (
        "This view has no value published, regional or national: there is nothing to export. "
        "The published figures are on the France page: /region/FR?lang=en"
    )
