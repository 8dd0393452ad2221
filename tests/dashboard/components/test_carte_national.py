"""The Carte's national chart: the data's values, uncertain readings open, the choice marked."""

from dashboard.components.carte_national import chart_export, national_block, national_export
from dashboard.core.state import AppState
from dashboard.views.carte_national import NATIONAL_CHART
from tests.dashboard.views.test_france import published

EMPLOI = AppState(actor="citoyens", indicator="fragility_mean_score", fragility="emploi")


def test_citizens_scores_are_drawn_with_emploi_at_its_published_value(context):
    exported = national_export(context, EMPLOI)
    (trace,) = exported.figure.data
    labels = list(trace.y)
    chosen = labels.index("<b>Emploi / chômage / insertion</b>")
    assert trace.x[chosen] == published(context, "citoyens", "fragility_mean_score", "emploi")
    assert trace.x[chosen] == 7.1
    assert "choix de la carte" in trace.text[chosen]
    hollow = [symbol.endswith("-open") for symbol in trace.marker.symbol]
    uncertain = ["lecture incertaine" in hover for hover in trace.customdata]
    assert hollow == uncertain and sum(hollow) == 8
    caption = next(a.text for a in exported.figure.layout.annotations if a.name == "caption")
    assert "Source : Le RAMEAU" in caption and "septembre 2015" in caption
    assert exported.title == "Note moyenne de fragilité (1 à 10) — Citoyens : France, par fragilité"


def test_an_indicator_for_all_domains_is_ranked_across_actors_in_their_colours(context):
    state = AppState(actor="associations", indicator="partnership_rate")
    figure = national_export(context, state).figure
    bars = {trace.y[0]: trace for trace in figure.data}
    assert "<b>Associations</b>" in bars  # the chosen actor, marked
    assert "choix de la carte" in bars["<b>Associations</b>"].text[0]
    assert bars["<b>Associations</b>"].x[0] == published(
        context, "associations", "partnership_rate"
    )
    assert len({trace.marker.line.color for trace in figure.data}) == len(figure.data)


def test_the_block_has_the_badge_the_downloads_and_the_france_link(context):
    text = str(national_block(context, EMPLOI))
    assert "Chiffre national uniquement" in text
    assert f"/export/chart/{NATIONAL_CHART}.png?actor=citoyens" in text
    assert "'/region/FR'" in text
    assert national_block(context, AppState()) is None  # the mayors' regional map


def test_the_chart_export_knows_only_its_own_id(context):
    assert chart_export(context, EMPLOI, NATIONAL_CHART) is not None
    assert chart_export(context, EMPLOI, "france-scores") is None
    assert chart_export(context, AppState(), NATIONAL_CHART) is None


def test_the_table_names_rows_in_plain_text(context):
    block = national_block(context, AppState(actor="associations", indicator="partnership_rate"))
    graph, table = block[2].children
    assert "<b>Associations</b>" in graph.figure.data[0].y  # bold on the axis only
    assert "<b>" not in str(table) and "'Associations'" in str(table)
