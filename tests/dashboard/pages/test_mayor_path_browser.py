"""The mayor's path (issue 27) in real headless Chromium against real gunicorn: from the Carte's
search to the commune's page in one more click, « Ma commune » in every page's navigation, and
« Voir les communes » keeping the chosen commune, outlined and named on its region's map."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import shapely
from shapely.geometry import shape

from tests.dashboard.pages.test_carte_browser import (
    PAGE_TIMEOUT_MS,
    SETTLED,
    choose,
    norm,
    normandie_communes,  # noqa: F401 (a fixture)
    settle,
    type_in_dropdown,
)
from tests.dashboard.pages.test_map_fit_browser import TILE_BOUNDS

pytestmark = pytest.mark.browser
VIEWPORT = {"width": 1440, "height": 900}
PONT_AUDEMER = "27467"
OPTION = "Pont-Audemer (27) — commune"
NAV_PATHS = (
    "/",
    "/region/FR",
    "/region/28",
    "/comparer",
    "/analyse",
    "/donnees",
    f"/commune/{PONT_AUDEMER}",
    "/commune/",
)
# What the Carte's map holds of the selection: the outline trace's locations, the annotations
# the page draws, the search box's text and the selection panel's heading.
SELECTION = """
() => {
  const gd = document.querySelector('#map .js-plotly-plot');
  const outline = gd.data.find((t) => t.name === 'selection');
  return {
    outlined: outline.locations,
    drawn: [...gd.querySelectorAll('.annotation-text')].map((e) => e.textContent),
    search: document.querySelector('#search').innerText,
    heading: document.querySelector('#selection h3').textContent,
  };
}
"""


@pytest.fixture()
def carte(browser, live_server):
    """The Carte with Pont-Audemer chosen in its search box, as a mayor does."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(f"{live_server}/")
    settle(page)
    type_in_dropdown(page, "#search", "Pont-Audemer")
    page.get_by_role("option", name=OPTION, exact=True).click()
    page.wait_for_function(
        "() => (document.querySelector('#selection h3') || {}).textContent"
        " === 'Territoire choisi : Pont-Audemer'",
        timeout=PAGE_TIMEOUT_MS,
    )
    yield page
    context.close()


def test_a_searched_commune_is_one_click_from_its_page(carte, live_server):
    panel_link = carte.locator("#selection").get_by_role("link", name="Voir la page de la commune")
    # the first link of the panel, and the same one right under the search box, where the
    # focus is (a real link: focusable, followed with Enter as with a click)
    assert carte.locator("#selection .selection-links a").first.inner_text() == (
        "Voir la page de la commune"
    )
    near_search = carte.locator("#search-next a")
    assert near_search.get_attribute("href") == panel_link.get_attribute("href")
    carte.focus("#search")
    carte.keyboard.press("Tab")  # from the search box, the next stop is the commune's page
    assert carte.evaluate("() => document.activeElement.closest('#search-next') !== null")

    panel_link.click()  # the one more click
    carte.wait_for_url(f"{live_server}/commune/{PONT_AUDEMER}**", timeout=PAGE_TIMEOUT_MS)
    assert urlsplit(carte.url).path == f"/commune/{PONT_AUDEMER}"
    heading = carte.locator("h1")
    heading.wait_for(timeout=PAGE_TIMEOUT_MS)
    carte.wait_for_function(
        "() => document.querySelector('h1').textContent === 'Pont-Audemer'",
        timeout=PAGE_TIMEOUT_MS,
    )
    assert heading.inner_text() == "Pont-Audemer"


def test_see_the_communes_keeps_the_chosen_commune_outlined_and_named(
    carte,
    normandie_communes,  # noqa: F811 (the fixture imported above)
):
    carte.locator("#selection").get_by_role("link", name="Voir les communes").click()
    carte.wait_for_url("**level=commune**", timeout=PAGE_TIMEOUT_MS)
    query = parse_qs(urlsplit(carte.url).query)
    assert query["territory"] == [PONT_AUDEMER] and query["level"] == ["commune"]
    carte.wait_for_function(SETTLED, timeout=PAGE_TIMEOUT_MS, polling=100)
    shown = carte.evaluate(SELECTION)
    assert shown["outlined"] == [PONT_AUDEMER]
    assert norm(shown["heading"]) == "Territoire choisi : Pont-Audemer"
    assert shown["search"].startswith("Pont-Audemer (27467)")
    assert "Contour épais : Pont-Audemer" in [norm(text) for text in shown["drawn"]]
    # the map shows the whole region (not a window around the commune), the commune in it
    region = shapely.union_all([shape(f["geometry"]) for f in normandie_communes.values()])
    min_lon, min_lat, max_lon, max_lat = region.bounds
    carte.wait_for_function(
        f"""() => {{
          const b = ({TILE_BOUNDS})();
          return b && b[0] <= {min_lon} && b[1] <= {min_lat} && b[2] >= {max_lon}
            && b[3] >= {max_lat};
        }}""",
        timeout=PAGE_TIMEOUT_MS,
        polling=100,
    )

    # a filter change patches the figure: the outline and the name stay on the commune
    choose(carte, "actor", "Citoyens")
    shown = carte.evaluate(SELECTION)
    assert shown["outlined"] == [PONT_AUDEMER]
    assert "Contour épais : Pont-Audemer" in [norm(text) for text in shown["drawn"]]
    assert norm(shown["heading"]) == "Territoire choisi : Pont-Audemer"


@pytest.fixture(scope="module")
def nav_page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", NAV_PATHS)
def test_ma_commune_is_in_the_navigation_of_every_page(nav_page, live_server, path):
    nav_page.goto(f"{live_server}{path}?dataset=simule")
    link = nav_page.locator("nav.app-nav").get_by_role("link", name="Ma commune", exact=True)
    link.wait_for(timeout=PAGE_TIMEOUT_MS)
    # the shared state, as the other links carry it (Analyse's own table too)
    carte = nav_page.locator("nav.app-nav").get_by_role("link", name="Carte", exact=True)
    query = urlsplit(carte.get_attribute("href")).query
    assert "dataset=simule" in query
    assert link.get_attribute("href") == f"/commune/?{query}"


def test_ma_commune_opens_the_commune_search_with_the_shared_state(nav_page, live_server):
    nav_page.goto(f"{live_server}/donnees?lang=en")
    nav_page.locator("nav.app-nav").get_by_role("link", name="My municipality").click()
    nav_page.wait_for_url(f"{live_server}/commune/?lang=en", timeout=PAGE_TIMEOUT_MS)
    nav_page.locator("#commune-finder").wait_for(timeout=PAGE_TIMEOUT_MS)
    assert nav_page.locator("h1").inner_text() == "My municipality"
