"""The Carte with a national-only view, in real Chromium: the national chart in the map's place,
the same in the embed, and no download link that points at an empty view."""

from __future__ import annotations

import pytest
import requests

from tests.dashboard.pages.test_carte_browser import choose, norm, open_page

pytestmark = pytest.mark.browser
TIMEOUT_MS = 90_000
SCORE = "Note moyenne de fragilité (1 à 10)"
EMPLOI = "Emploi / chômage / insertion"
# the national chart once drawn: its labels and values, or null
NATIONAL_DRAWN = """
() => {
  const box = document.querySelector('#national-view');
  const gd = document.querySelector('#carte-national .js-plotly-plot');
  if (!box || box.hidden || !gd || !gd.data || !gd._fullLayout) return null;
  if (!gd.querySelector('.scatterlayer .point')) return null;
  const trace = gd._fullData[0];  // decoded: the figure sends its numbers base64-packed
  return { y: Array.from(trace.y), x: Array.from(trace.x) };
}
"""


def national_chart(page) -> dict:
    return page.wait_for_function(NATIONAL_DRAWN, timeout=TIMEOUT_MS, polling=100).json_value()


def plotted(drawn: dict) -> dict[str, float]:
    labels = [label.replace("<b>", "").replace("</b>", "") for label in drawn["y"]]
    return dict(zip(labels, drawn["x"], strict=True))


def export_links(page) -> list[str]:
    """Every link on the page to an export (image or table), visible or not."""
    return page.eval_on_selector_all(
        "a[href*='/export/']", "(links) => links.map((a) => a.getAttribute('href'))"
    )


def test_a_national_only_indicator_shows_its_national_chart_and_no_empty_export(
    browser, live_server
):
    context, page = open_page(browser, f"{live_server}/")
    try:
        choose(page, "actor", "Citoyens")
        page.click("#indicator")
        page.get_by_role("option", name=SCORE, exact=True).click()
        drawn = national_chart(page)
        assert plotted(drawn)[EMPLOI] == 7.1
        assert page.is_visible("#national-badge")
        assert norm(page.inner_text("#national-badge")) == "Chiffre national uniquement"
        assert page.is_hidden("#map-box") and page.is_hidden("#share-downloads")
        links = export_links(page)
        assert links and all("/export/chart/carte-national." in href for href in links)
        for href in links:
            response = requests.get(live_server + href, timeout=120)
            assert response.status_code == 200 and response.content, href
        assert page.get_attribute("#national-france", "href").startswith("/region/FR")
        permalink = page.get_attribute("#permalink", "href")
        assert "indicator=fragility_mean_score" in permalink and "fragility=emploi" in permalink
    finally:
        context.close()
    embed_page = browser.new_page(viewport={"width": 600, "height": 500})
    try:
        joined = "&" if "?" in permalink else "?"
        embed_page.goto(f"{live_server}{permalink}{joined}embed=1")
        assert national_chart(embed_page) == drawn
        assert embed_page.is_visible("#national-badge")
    finally:
        embed_page.close()


def test_going_back_to_a_regional_indicator_shows_the_map_and_its_downloads(browser, live_server):
    url = f"{live_server}/?actor=citoyens&indicator=fragility_mean_score&fragility=emploi"
    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    try:
        page.goto(url)
        national_chart(page)
        page.click("#indicator")
        page.get_by_role("option", name="Partenariats source d'innovation", exact=True).click()
        page.wait_for_selector("#map-box", state="visible", timeout=TIMEOUT_MS)
        page.wait_for_selector("#share-downloads", state="visible", timeout=TIMEOUT_MS)
        assert page.is_hidden("#national-view")
        for href in export_links(page):
            assert "/export/view." in href
            if ".csv" in href:
                response = requests.get(live_server + href, timeout=60)
                assert response.status_code == 200 and response.content, href
    finally:
        page.close()
