"""The France page (``/region/FR``) in real headless Chromium against real gunicorn."""

from __future__ import annotations

import pytest
import requests

from tests.dashboard.pages.test_carte_browser import PAGE_TIMEOUT_MS, VIEWPORT

pytestmark = pytest.mark.browser

SCORES = """
() => {
  const gd = document.querySelector('#france-scores .js-plotly-plot');
  if (!gd || !gd._fullData) return null;
  return gd._fullData.map((t) => ({
    name: t.name,
    x: Array.from(t.x, (v) => (v === null ? NaN : v)),
    y: Array.isArray(t.y[0]) ? Array.from(t.y[1]) : Array.from(t.y),
    symbols: Array.isArray(t.marker.symbol) ? t.marker.symbol : [t.marker.symbol],
    hover: t.customdata,
  }));
}
"""


@pytest.fixture(scope="module")
def france(browser, live_server):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(f"{live_server}/region/FR")
    page.wait_for_function(SCORES, timeout=PAGE_TIMEOUT_MS)
    yield page
    context.close()


def value_of(traces: list[dict], actor: str, fragility: str) -> float:
    trace = next(t for t in traces if t["name"].startswith(actor))
    return trace["x"][trace["y"].index(fragility)]


def test_the_france_page_answers_and_is_in_the_navigation(france, live_server):
    assert requests.get(f"{live_server}/region/FR", timeout=30).status_code == 200
    assert france.locator("h1").inner_text() == "France : ce que disent les enquêtes nationales"
    assert france.locator("nav.app-nav a", has_text="France").count() == 1


def test_one_chart_shows_emploi_for_citizens_and_companies(france):
    traces = france.evaluate(SCORES)
    emploi = "Emploi / chômage / insertion"
    assert value_of(traces, "Citoyens", emploi) == 7.1
    assert value_of(traces, "Entreprises", emploi) == 5.6
    assert any("10 salariés et plus" in t["name"] for t in traces)
    citizens = next(t for t in traces if t["name"].startswith("Citoyens"))
    hollow = [
        h
        for h, s in zip(citizens["hover"], citizens["symbols"], strict=True)
        if s.endswith("-open")
    ]
    assert len(hollow) == 8 and all("lecture incertaine" in h for h in hollow)


def test_sorting_by_companies_changes_the_order_and_the_address(france):
    before = france.evaluate(SCORES)[0]["y"]
    france.get_by_label("par note : Entreprises").check()
    france.wait_for_function(
        f"() => {{ const s = ({SCORES})(); return s && s[0].y.join() !== {before!r}.join(); }}",
        timeout=PAGE_TIMEOUT_MS,
    )
    traces = france.evaluate(SCORES)
    companies = next(t for t in traces if t["name"].startswith("Entreprises"))
    assert companies["x"] == sorted(companies["x"], reverse=True)
    assert "sort=entreprises" in france.url
    assert "sort=entreprises" in france.locator("#france-scores-csv-fr").get_attribute("href")


def test_each_chart_offers_png_and_csv_that_answer(france, live_server):
    links = france.locator(".chart-downloads a")
    assert links.count() >= 4 * 6
    csv = france.locator("#france-innovation-csv-fr").get_attribute("href")
    response = requests.get(live_server + csv, timeout=60)
    assert response.status_code == 200 and "Maires" in response.text
