"""Comparer in real headless Chromium against real gunicorn."""

from __future__ import annotations

import pytest

from tests.dashboard.pages.test_carte_browser import PAGE_TIMEOUT_MS
from tests.dashboard.pages.test_region_browser import CHARTS, READY, open_profile

pytestmark = pytest.mark.browser


def test_comparer_shares_one_scale_and_refuses_a_fifth_territory(browser, live_server):
    """Acceptance 4."""
    context, page = open_profile(
        browser, f"{live_server}/comparer?territories=27,75,FR,11,24&dataset=simule&actor=citoyens"
    )
    try:
        page.wait_for_function(f"() => ({READY})() >= 2", timeout=PAGE_TIMEOUT_MS)
        message = page.inner_text("#compare-too-many")
        # the territory left out is named, not given by its code (24)
        assert "au plus 4 territoires" in message and "5" in message
        assert "non retenus : Centre-Val de Loire." in message
        fragilities, partnership = page.evaluate(CHARTS)
        names = ["Bourgogne-Franche-Comté", "Nouvelle-Aquitaine", "France", "Île-de-France"]
        assert [trace["name"] for trace in fragilities["traces"]] == names
        assert fragilities["range"] == [1, 10] and partnership["range"] == [0, 100]
        for chart in (fragilities, partnership):
            for index, trace in enumerate(chart["traces"]):
                starred = [row[index + 1].endswith("*") for row in chart["rows"]]
                assert starred == [mark == "*" for mark in trace["text"]]
        assert any(mark == "*" for trace in fragilities["traces"] for mark in trace["text"])
    finally:
        context.close()


# Every Plotly graph of the page: its id and, per trace, its x values (NaN for a gap).
GRAPHS = """
() => [...document.querySelectorAll('.js-plotly-plot')].map((gd) => ({
  id: gd.parentElement.id,
  xs: gd._fullData.map((t) => Array.from(t.x || [], (v) => (v === null ? NaN : Number(v)))),
}))
"""


@pytest.mark.parametrize("query", ["", "?territories=28,76,FR"])
def test_the_default_comparison_draws_only_charts_with_values(browser, live_server, query):
    """Issue 20: every chart drawn has a plotted value; the empty one says where to look."""
    context, page = open_profile(browser, f"{live_server}/comparer{query}")
    try:
        page.wait_for_function(f"() => ({READY})() >= 1", timeout=PAGE_TIMEOUT_MS)
        graphs = page.evaluate(GRAPHS)
        assert [graph["id"] for graph in graphs] == ["compare-partnership"]
        for graph in graphs:
            assert any(x == x for xs in graph["xs"] for x in xs), graph["id"]  # x == x: not NaN
        (partnership,) = page.evaluate(CHARTS)
        assert [trace["name"] for trace in partnership["traces"]][:3] == [
            "Normandie",
            "Occitanie",
            "France",
        ]
        rows = {row[0]: row[1:] for row in partnership["rows"]}
        assert rows == {
            "Partenariats source d'innovation": ["77\u00a0%", "100\u00a0%", "87\u00a0%"]
        }
        left_out = page.inner_text("#compare-partnership-left-out")
        assert left_out.startswith("Non publiés pour ces territoires, donc absents du graphique")
        note = page.locator("#compare-fragilities-no-value")
        assert note.inner_text().startswith("Aucun score de fragilité publié pour les maires")
        assert note.locator("a").get_attribute("href") == "/region/FR"
        assert page.locator(".url-notice").count() == 0
    finally:
        context.close()
