"""The Carte in real headless Chromium against real gunicorn: what is drawn, not only props."""

from __future__ import annotations

import io

import pytest
import requests
import shapely
from PIL import Image
from shapely.geometry import shape

pytestmark = pytest.mark.browser
# Generous: a shared 2-core machine with software WebGL can be slow to draw the first map.
PAGE_TIMEOUT_MS = 90_000

DARKEST = (20, 38, 112)  # class 80-100 % (YlGnBu sampled at 0.95)
GREY = (189, 189, 189)  # "non publié"

WAIT_FOR_MAP_IDLE = """
() => new Promise((resolve) => {
  const gd = document.querySelector('#map .js-plotly-plot');
  const map = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot.map;
  if (!map) { resolve(false); return; }
  if (map.loaded() && !map.isMoving()) { setTimeout(() => resolve(true), 300); return; }
  map.once('idle', () => setTimeout(() => resolve(true), 300));
})
"""

PLOTTED = """
() => {
  const gd = document.querySelector('#map .js-plotly-plot');
  const trace = (name) => gd.data.find((t) => t.name === name);
  const values = trace('ok');
  return {
    withValue: Object.fromEntries(values.locations.map((code, i) => [code, values.z[i]])),
    withoutValue: trace('non_publie').locations,
    notCovered: trace('non_couvert').locations,
  };
}
"""

PROJECT = """
([lon, lat]) => {
  const gd = document.querySelector('#map .js-plotly-plot');
  const map = gd._fullLayout.map._subplot.map;
  const point = map.project([lon, lat]);
  const box = map.getCanvas().getBoundingClientRect();
  return [box.left + point.x, box.top + point.y];
}
"""


@pytest.fixture(scope="module")
def inside_points(live_server) -> dict[str, tuple[float, float]]:
    """A point well inside each region, from the geometry the page itself loads."""
    collection = requests.get(f"{live_server}/geo/regions.geojson", timeout=30).json()
    points = {}
    for feature in collection["features"]:
        polygon = shape(feature["geometry"])
        largest = max(getattr(polygon, "geoms", [polygon]), key=lambda part: part.area)
        point = shapely.maximum_inscribed_circle(largest).coords[0]
        points[feature["id"]] = point
    return points


@pytest.fixture()
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    page = context.new_page()
    page.goto(f"{live_server}/")
    page.wait_for_selector("#map .js-plotly-plot", timeout=PAGE_TIMEOUT_MS)
    assert page.evaluate(WAIT_FOR_MAP_IDLE)
    yield page
    context.close()


def pixel(page, point: tuple[float, float]) -> tuple[int, int, int]:
    x, y = page.evaluate(PROJECT, list(point))
    image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    return image.getpixel((round(x), round(y)))


def close(colour: tuple[int, int, int], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip(colour, expected, strict=True))


def choose(page, filter_id: str, label: str) -> None:
    """Pick ``label`` in a filter as a reader does, then wait for the map to be redrawn."""
    before = page.inner_text("#map-title")
    page.click(f"#{filter_id}")
    page.get_by_role("option", name=label, exact=True).click()
    page.wait_for_function(
        "(before) => document.querySelector('#map-title').innerText !== before", arg=before
    )
    assert page.evaluate(WAIT_FOR_MAP_IDLE)


def choose_actor(page, label: str) -> None:
    choose(page, "actor", label)


def test_default_view_draws_the_mayors_published_values(page, inside_points):
    plotted = page.evaluate(PLOTTED)
    assert plotted["withValue"] == {"28": 3, "76": 4, "84": 3}
    assert len(plotted["withoutValue"]) == 10
    assert plotted["notCovered"] == ["01", "02", "03", "04", "06"]
    assert close(pixel(page, inside_points["76"]), DARKEST)
    assert close(pixel(page, inside_points["53"]), GREY)
    assert page.inner_text("#coverage") == "Valeurs publiées : 3 régions sur 13"


def test_hover_on_a_region_without_value_says_non_publie(page, inside_points):
    x, y = page.evaluate(PROJECT, list(inside_points["53"]))
    page.mouse.move(x, y)
    label = page.wait_for_selector(".hoverlayer .hovertext", timeout=10_000)
    text = label.text_content()
    assert "Bretagne" in text
    assert "non publié" in text


def test_hover_on_a_region_with_value_shows_value_base_and_source(page, inside_points):
    x, y = page.evaluate(PROJECT, list(inside_points["76"]))
    page.mouse.move(x, y)
    text = page.wait_for_selector(".hoverlayer .hovertext", timeout=10_000).text_content()
    assert "Occitanie" in text
    assert "100\u00a0%" in text or "100 %" in text
    assert "effectif non publié" in text
    assert "Le RAMEAU" in text


def test_changing_the_actor_redraws_values_colours_and_source(page, inside_points):
    source_before = page.inner_text("#source-line")
    assert close(pixel(page, inside_points["76"]), DARKEST)
    choose_actor(page, "Citoyens")
    plotted = page.evaluate(PLOTTED)
    assert plotted["withValue"] == {"27": 3}
    assert "76" in plotted["withoutValue"]
    assert close(pixel(page, inside_points["76"]), GREY)
    assert not close(pixel(page, inside_points["27"]), GREY)
    source_after = page.inner_text("#source-line")
    assert source_after != source_before
    assert "Bourgogne-Franche-Comté" in source_after
    assert page.inner_text("#coverage") == "Valeurs publiées : 1 région sur 13"
    assert "actor=citoyens" in page.get_attribute("#permalink", "href")


def test_a_bad_url_parameter_shows_a_notice_and_the_default_map(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server}/?actor=%3Cscript%3E&k=99")
    notices = page.wait_for_selector("#notices").inner_text()
    assert "« actor »" in notices and "« maires »" in notices
    assert "« k »" in notices
    page.wait_for_selector("#map .js-plotly-plot", timeout=PAGE_TIMEOUT_MS)
    assert page.evaluate(WAIT_FOR_MAP_IDLE)
    assert page.evaluate(PLOTTED)["withValue"] == {"28": 3, "76": 4, "84": 3}
    context.close()


def test_indicator_and_fragility_filters_redraw_and_the_url_restores_the_view(
    page, browser, live_server
):
    choose_actor(page, "Citoyens")
    choose(page, "indicator", "Part de notes élevées")
    choose(page, "fragility", "Environnement / pollution / biodiversité")
    assert page.evaluate(PLOTTED)["withValue"] == {"84": 1, "93": 2, "94": 2}
    assert page.inner_text("#coverage") == "Valeurs publiées : 3 régions sur 13"
    search = page.evaluate("window.location.search")
    assert "indicator=fragility_share_high" in search and "fragility=environnement" in search
    assert "actor=citoyens" in search
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    reopened = context.new_page()
    reopened.goto(f"{live_server}/{search}")
    reopened.wait_for_selector("#map .js-plotly-plot", timeout=PAGE_TIMEOUT_MS)
    assert reopened.evaluate(WAIT_FOR_MAP_IDLE)
    assert reopened.evaluate(PLOTTED)["withValue"] == {"84": 1, "93": 2, "94": 2}
    assert reopened.inner_text("#map-title") == page.inner_text("#map-title")
    table = reopened.text_content("#values-table")  # inside a closed <details>
    assert "publié pour Provence-Alpes-Côte d'Azur et Corse ensemble" in table
    context.close()
