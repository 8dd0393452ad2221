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
        assert "au plus 4 territoires" in message and "5" in message and "24" in message
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
