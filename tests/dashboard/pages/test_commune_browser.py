"""Ma commune in real headless Chromium against real gunicorn: a mayor types their commune.

Belleville-en-Beaujolais (69019) was created in 2019 from Belleville and Saint-Jean-d'Ardières
(69211, now a commune déléguée); the postal code 69220 is shared by nine communes.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.dashboard.pages.test_carte_browser import type_in_dropdown

pytestmark = pytest.mark.browser
TIMEOUT_MS = 60_000
VIEWPORT = {"width": 1200, "height": 1000}
BELLEVILLE = "Belleville-en-Beaujolais"

# True once the locator map draws its region, its department and the commune's point.
LOCATOR_DRAWN = """
() => {
  const graph = document.querySelector('#commune-locator');
  return !!graph
    && graph.querySelectorAll('.geo .choroplethlocation').length === 2
    && graph.querySelectorAll('.geo .scattergeo .point').length === 1;
}
"""


@pytest.fixture()
def visit(browser, live_server):
    """Open a page of the app; every request the page makes is recorded in ``page.requested``."""
    contexts = []

    def open_page(path: str):
        context = browser.new_context(viewport=VIEWPORT)
        contexts.append(context)
        page = context.new_page()
        page.requested = []
        page.on("request", lambda request: page.requested.append(request.url))
        page.goto(f"{live_server}{path}")
        page.wait_for_function(LOCATOR_DRAWN, timeout=TIMEOUT_MS)
        return page

    yield open_page
    for context in contexts:
        context.close()


def type_in_search(page, text: str, wanted: str) -> list[str]:
    """Type ``text`` in the search box as a reader does; the options once ``wanted`` is listed.

    The reader clicks the box, then types in its search field (Dash 4's dropdown popover).
    """
    type_in_dropdown(page, "#commune-finder", text)
    page.get_by_role("option", name=wanted, exact=True).wait_for(timeout=TIMEOUT_MS)
    return page.get_by_role("option").all_inner_texts()


def choose(page, live_server: str, label: str, code: str) -> None:
    page.get_by_role("option", name=label, exact=True).click()
    page.wait_for_url(f"{live_server}/commune/{code}?dataset=simule", timeout=TIMEOUT_MS)
    page.wait_for_function(LOCATOR_DRAWN, timeout=TIMEOUT_MS)


def test_a_former_name_lands_on_the_current_commune(visit, live_server):
    page = visit("/commune/14118?dataset=simule")  # Caen
    assert page.inner_text("h1") == "Caen"
    wanted = f"{BELLEVILLE} (69) ← commune déléguée Saint-Jean-d'Ardières"
    assert type_in_search(page, "Saint-Jean-d'Ardières", wanted) == [wanted]
    choose(page, live_server, wanted, "69019")
    assert page.inner_text("h1") == BELLEVILLE
    assert page.inner_text("#commune-locator-text").startswith(
        f"{BELLEVILLE} (69019) : département Rhône (69), région Auvergne-Rhône-Alpes"
    )
    assert "Communes de 10 000 habitants et plus" in page.inner_text("#commune-facts")
    caption = page.inner_text("#commune-stratum-table caption")
    assert caption.endswith("pas un résultat de la commune — DONNÉES SIMULÉES")
    hosts = {urlsplit(url.removeprefix("blob:")).netloc for url in page.requested}
    assert hosts == {urlsplit(live_server).netloc}  # the outlines and Plotly's topology too


def test_a_former_code_lands_on_the_current_commune(visit, live_server):
    page = visit("/commune/14118?dataset=simule")
    wanted = f"{BELLEVILLE} (69) ← ancien code 69211"
    assert type_in_search(page, "69211", wanted) == [wanted]
    choose(page, live_server, wanted, "69019")
    assert page.inner_text("h1") == BELLEVILLE


def test_a_shared_postal_code_offers_the_choice(visit, live_server):
    page = visit("/commune/14118?dataset=simule")
    options = type_in_search(page, "69220", "Charentay (69) ← code postal 69220")
    assert len(options) == 9
    assert f"{BELLEVILLE} (69) ← code postal 69220" in options
    choose(page, live_server, "Charentay (69) ← code postal 69220", "69045")
    assert page.inner_text("h1") == "Charentay"
