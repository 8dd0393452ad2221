"""A profile without regional figures draws France's, as the France page does."""

from dash import dcc, html

from dashboard.components.region import embedded_profile
from dashboard.core.state import AppState
from tests.layout_tree import walk


def test_bretagne_profile_draws_france_values_as_charts_not_lines(context):
    parts = list(walk(html.Div(embedded_profile(context, AppState(), "53"))))
    graphs = {part.id: part.figure for part in parts if isinstance(part, dcc.Graph)}
    assert {"france-scores", "profile-france-partnership", "profile-france-mayors"} <= set(graphs)
    scores = graphs["france-scores"]
    assert any(7.1 in list(trace.x) for trace in scores.data)
    headings = [part.children for part in parts if isinstance(part, html.H3)]
    assert any(
        str(h).startswith("France — aucune donnée régionale publiée pour la Bretagne")
        for h in headings
    )
    # France's values are no longer lines of text (« … — France : Emploi 7,1 ; … »)
    lines = [p for p in parts if isinstance(p, html.P) and isinstance(p.children, list)]
    assert not any("France : " in str(p.children) for p in lines)
