"""The France page's charts: actors on one scale, hollow uncertain readings, ranked shares."""

import pytest

from dashboard.components.france import (
    SCORES_CHART,
    chart_export,
    chart_ids,
    scores_export,
)
from dashboard.core.state import AppState
from dashboard.views.france import national_rows


def test_each_actor_is_named_with_the_population_it_speaks_for(context):
    figure = scores_export(context, AppState()).figure
    names = [trace.name for trace in figure.data]
    assert names[0].startswith("Citoyens<br>Français de 18 ans et plus")
    assert "2 024 répondants" in names[0].replace("\u202f", " ")
    assert names[2] == "Entreprises<br>Dirigeants d'entreprises (10 salariés et plus)"


def test_emploi_is_drawn_at_7_1_for_citizens_and_5_6_for_companies(context):
    figure = scores_export(context, AppState()).figure
    emploi = "Emploi / chômage / insertion"
    values = {}
    for trace in figure.data:
        labels = list(trace.y[1]) if len(trace.y) == 2 else list(trace.y)
        values[trace.name.split("<br>")[0]] = trace.x[labels.index(emploi)]
    assert values["Citoyens"] == 7.1 and values["Entreprises"] == 5.6


def _drawn(context, state):
    """(actor label, hover, open?) of every value of every chart of the page."""
    points = []
    for chart in chart_ids(context):
        exported = chart_export(context, state, chart)
        if exported is None:
            continue
        for trace in exported.figure.data:
            if trace.type == "scatter":
                symbols = trace.marker.symbol
                symbols = (
                    list(symbols) if isinstance(symbols, tuple | list) else [symbols] * len(trace.x)
                )
                opened = [str(s).endswith("-open") for s in symbols]
            else:
                opened = [colour == "#ffffff" for colour in trace.marker.color]
            points += [
                (hover, open_)
                for hover, open_, x in zip(trace.customdata, opened, trace.x, strict=True)
                if x == x and x is not None
            ]
    return points


@pytest.mark.parametrize("study", ["phare", "impact", "other"])
def test_every_low_confidence_value_is_drawn_hollow_and_says_lecture_incertaine(context, study):
    state = AppState(study=study)
    rows = national_rows(context, state)
    points = _drawn(context, state)
    uncertain = [hover for hover, open_ in points if open_]
    assert len(uncertain) == int((rows["confidence"] == "low").sum())
    assert all("lecture incertaine" in hover for hover in uncertain)
    assert not any("lecture incertaine" in hover for hover, open_ in points if not open_)
    if study == "phare":
        assert len(uncertain) >= 8


def test_a_chart_without_value_or_unknown_gives_no_export(context):
    assert chart_export(context, AppState(), "france-nothing") is None
    assert chart_export(context, AppState(study="other"), SCORES_CHART) is None
    assert chart_export(context, AppState(study="impact"), "france-mayors") is None


def test_every_chart_carries_source_base_and_fieldwork_date_in_its_caption(context):
    for chart in chart_ids(context):
        exported = chart_export(context, AppState(), chart)
        if exported is None:
            continue
        caption = next(a.text for a in exported.figure.layout.annotations if a.name == "caption")
        caption = caption.replace("<br>", " ")
        assert caption.startswith("Source : ") and "Base : " in caption, chart
        assert "Terrain : " in caption, chart
