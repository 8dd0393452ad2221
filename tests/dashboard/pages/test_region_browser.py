"""Profil de région in real headless Chromium against real gunicorn."""

from __future__ import annotations

import re

import pytest
import requests

from tests.dashboard.pages.test_carte_browser import (
    MARK,
    PAGE_TIMEOUT_MS,
    PROJECT,
    VIEWPORT,
    open_page,
    settle,
)
from tests.dashboard.pages.test_carte_browser import inside_points as inside_points  # fixture

pytestmark = pytest.mark.browser

# Every chart of the page: its id, its traces (name, x values) and its table's rows of cells.
CHARTS = """
() => [...document.querySelectorAll('.chart-with-table')].map((figure) => {
  const gd = figure.querySelector('.js-plotly-plot');
  const table = figure.querySelector('table');
  return {
    id: gd.parentElement.id,
    table: table.id,
    range: gd._fullLayout.xaxis.range,
    traces: gd._fullData.map((t) => ({
      name: t.name, x: Array.from(t.x, (v) => (v === null ? NaN : v)), text: t.text || [],
    })),
    header: [...table.querySelectorAll('thead th')].map((th) => th.textContent),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent)),
  };
})
"""
READY = "() => document.querySelectorAll('.chart-with-table .js-plotly-plot .main-svg').length"


def open_profile(browser, url: str):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("h1", timeout=PAGE_TIMEOUT_MS)
    return context, page


def number(text: str) -> float:
    """ "6,5" → 6.5, "75 %" → 75.0, "−0,4" → -0.4 (the first number of a cell)."""
    found = re.search(r"[−-]?\d+(?:[  ]\d{3})*(?:,\d+)?", text)
    assert found, text
    return float(
        found.group().replace("−", "-").replace(" ", "").replace(" ", "").replace(",", ".")
    )


@pytest.fixture(scope="module")
def simulated_profile(browser, live_server):
    context, page = open_profile(browser, f"{live_server}/region/27?dataset=simule")
    page.wait_for_function(f"() => ({READY})() >= 6", timeout=PAGE_TIMEOUT_MS)
    yield page
    context.close()


def test_a_click_on_the_map_opens_the_published_profile_of_bourgogne_franche_comte(
    browser,
    live_server,
    inside_points,
):
    """Acceptance 1: from the map to /region/27, the published figures and "non publié"."""
    context, page = open_page(browser, f"{live_server}/")
    try:
        page.evaluate(MARK)
        page.mouse.click(*page.evaluate(PROJECT, list(inside_points["27"])))
        settle(page)
        page.get_by_role("link", name="Voir le profil").click()
        page.wait_for_url(re.compile(r"/region/27(\?|$)"), timeout=PAGE_TIMEOUT_MS)
        page.wait_for_function(f"() => ({READY})() >= 1", timeout=PAGE_TIMEOUT_MS)
        assert page.inner_text("h1") == "Profil de région : Bourgogne-Franche-Comté"
        chart = next(c for c in page.evaluate(CHARTS) if c["id"] == "indicators-partnership")
        rows = {(row[0], row[1]): row for row in chart["rows"]}
        innovation = "Partenariats source d'innovation"
        shares = [
            rows[(innovation, actor)][2] for actor in ("Citoyens", "Associations", "Entreprises")
        ]
        assert [number(share) for share in shares] == [75, 95, 82]
        assert rows[(innovation, "Maires")][2] == "non publié"
        cooperation = rows[("Type de partenariat : coopération économique", "Entreprises")]
        societal = rows[("Type de partenariat : innovation sociétale", "Entreprises")]
        assert (number(cooperation[2]), number(societal[2])) == (44, 34)
        assert "25%" in cooperation[-1] and "16%" in societal[-1]  # the source's note
        caption = page.evaluate(
            "() => document.querySelector('#indicators-partnership .annotation-text').textContent"
        )
        assert "PHARE – rapport régional 2016" in caption
        # no regional score: France's, drawn as the France page draws them, says so
        fragilities = page.inner_text("#profile-fragilities")
        assert (
            "France — aucune donnée régionale publiée pour la Bourgogne-Franche-Comté"
            in fragilities
        )
        assert "france-scores" in [c["id"] for c in page.evaluate(CHARTS)]
    finally:
        context.close()


def test_every_chart_is_followed_by_a_table_reached_by_keyboard_with_its_numbers(
    simulated_profile,
):
    """Acceptance 5: tabbing reaches, after each chart, a table whose numbers are the chart's."""
    page = simulated_profile
    charts = page.evaluate(CHARTS)
    assert len(charts) >= 6
    page.focus("body")
    reached = []
    for _ in range(120):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.id"))
    tables = [chart["table"] for chart in charts]
    order = [reached.index(table) for table in tables]  # ValueError: a table tabbing misses
    assert order == sorted(order)
    for chart in charts:
        region = chart["traces"][0]
        header = chart["header"]
        column = header.index(region["name"]) if region["name"] in header else header.index("Écart")
        shown = [row[column] for row in chart["rows"]]
        for value, cell in zip(region["x"], shown, strict=True):
            if value != value:  # NaN: nothing drawn, the table says why
                assert not re.search(r"\d", cell)
            else:
                digits = 0 if "%" in cell else 1
                assert number(cell) == pytest.approx(round(value, digits), abs=1e-9), chart["id"]


def test_significance_markers_on_the_chart_match_the_table(simulated_profile):
    for chart in simulated_profile.evaluate(CHARTS):
        if chart["id"] == "gaps":
            continue
        marks = chart["traces"][0]["text"]
        column = chart["header"].index("Écart à la France")
        for mark, row in zip(marks, chart["rows"], strict=True):
            assert row[column].startswith(mark) if mark else row[column][0] not in "▲▼"


def test_unknown_region_is_not_found(live_server):
    assert requests.get(f"{live_server}/region/99", timeout=30).status_code == 404
    assert requests.get(f"{live_server}/region/27", timeout=30).status_code == 200


def test_the_published_profile_prints_on_one_a4_page(browser, live_server):
    context, page = open_profile(browser, f"{live_server}/region/27")
    try:
        page.wait_for_function(f"() => ({READY})() >= 1", timeout=PAGE_TIMEOUT_MS)
        pdf = page.pdf(format="A4")
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    finally:
        context.close()
