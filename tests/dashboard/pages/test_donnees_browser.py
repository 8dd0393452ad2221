"""Données & méthodologie in real headless Chromium against real gunicorn: what a reader sees."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

pytestmark = pytest.mark.browser
PAGE_TIMEOUT_MS = 60_000
VIEWPORT = {"width": 1400, "height": 1100}
VIEW = "/donnees?actor=citoyens&indicator=partnership_innovation_share"


def norm(text: str) -> str:
    """Texts are typeset with no-break spaces ("75 %", "2 024"): compare them as plain spaces."""
    return re.sub(r"[\u00a0\u202f]", " ", text)


def open_page(browser, url: str):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector('#data-table .ag-row[row-id="27"]', timeout=PAGE_TIMEOUT_MS)
    return context, page


@pytest.fixture(scope="module")
def data_page(browser, live_server):
    """The citizens' innovation view, shared by the tests that only read it."""
    context, page = open_page(browser, f"{live_server}{VIEW}")
    yield page
    context.close()


def test_the_grid_shows_the_view_with_france_pinned_last(data_page):
    row = norm(data_page.inner_text('#data-table .ag-center-cols-container [row-id="27"]'))
    assert "Bourgogne-Franche-Comté" in row and "75 %" in row
    assert data_page.locator("#data-table .ag-center-cols-container .ag-row").count() == 13
    france = norm(data_page.inner_text("#data-table .ag-floating-bottom"))
    assert "France" in france and "69 %" in france
    caption = data_page.inner_text("#view-caption")
    assert "Partenariats source d'innovation" in caption and "Citoyens" in caption


def test_the_rules_show_the_minimum_base_in_use(data_page):
    rules = data_page.inner_text("#rules-list")
    assert "inférieure à 30 est supprimée" in rules and "Holm" in rules


def test_the_studies_table_shows_each_studys_sample(data_page):
    citizens = data_page.locator("#studies-table tr", has_text="PHARE-Citoyens")
    assert "2 024 répondants" in norm(citizens.inner_text())


def test_the_csv_link_downloads_the_same_view(data_page, live_server):
    href = data_page.get_attribute("#download-csv", "href")
    response = requests.get(f"{live_server}{href}", timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "27;Bourgogne-Franche-Comté;75;%" in response.content.decode("utf-8-sig")


def test_the_map_link_carries_the_state_back_to_the_carte(data_page, live_server):
    href = data_page.get_attribute("#back-to-map", "href")
    assert urlsplit(href).path == "/"
    assert parse_qs(urlsplit(href).query) == {"actor": ["citoyens"]}  # default indicator implied
    carte = data_page.context.new_page()  # the shared page stays on the Données page
    carte.goto(f"{live_server}{href}")
    carte.wait_for_selector("#map-title", timeout=PAGE_TIMEOUT_MS)
    assert norm(carte.inner_text("#map-title")) == "Partenariats source d'innovation — Citoyens"
    carte.close()


FIRST_ROW = "#data-table .ag-center-cols-container .ag-row[row-index='0']"
DISPLAYED = "() => dash_ag_grid.getApi('data-table').getDisplayedRowCount()"


def test_values_sort_as_numbers_and_filter_with_a_number_filter(browser, live_server):
    """The mayors' 77 %, 77 % and 100 %: as text, "77 %" would sort above "100 %"."""
    context, page = open_page(browser, f"{live_server}/donnees")
    try:
        header = page.locator("#data-table .ag-header-cell", has_text="Valeur")
        header.click()
        header.click()  # descending
        page.wait_for_function(
            f"() => document.querySelector(\"{FIRST_ROW}\")?.getAttribute('row-id') === '76'",
            timeout=PAGE_TIMEOUT_MS,
        )
        assert "100 %" in norm(page.inner_text(FIRST_ROW))
        page.evaluate(
            """() => dash_ag_grid.getApi('data-table').setFilterModel(
                {value: {filterType: 'number', type: 'lessThan', filter: 90}}
            )"""
        )
        page.wait_for_function(f"() => ({DISPLAYED})() === 2", timeout=PAGE_TIMEOUT_MS)
    finally:
        context.close()


def test_simulated_data_are_labelled_on_the_page(browser, live_server):
    context, page = open_page(browser, f"{live_server}/donnees?actor=citoyens&dataset=simule")
    try:
        assert page.inner_text(".simulated-banner") == "DONNÉES SIMULÉES"
        assert page.inner_text("#view-caption").endswith("— DONNÉES SIMULÉES")
        corse = norm(page.inner_text('#data-table .ag-center-cols-container [row-id="94"]'))
        assert "à interpréter avec prudence" in corse
    finally:
        context.close()
