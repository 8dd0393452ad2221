"""What is known, at a glance, in real headless Chromium against real gunicorn: the block on
the Carte's first screen, a cell that opens a view with its value, the table on a phone and on
Données."""

from __future__ import annotations

import re

import pytest

from tests.dashboard.pages.test_carte_browser import MARK, PAGE_TIMEOUT_MS, norm, settle

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
SUMMARY = "#published-coverage summary"
BOX = """
() => {
  const box = (selector) => document.querySelector(selector).getBoundingClientRect();
  return { summary: box('#published-coverage summary'), map: box('#map'),
           table: box('#coverage-table'), legend: box('.coverage-legend') };
}
"""


def open_carte(browser, url: str, viewport: dict):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(url)
    settle(page)
    return context, page


def test_the_carte_says_what_is_published_above_a_map_that_stays_on_the_first_screen(
    browser, live_server
):
    context, page = open_carte(browser, f"{live_server}/", DESKTOP)
    try:
        assert norm(page.inner_text(SUMMARY)) == (
            "Ce qui est publié — Programme PHARE (2015-2016) : 111 chiffres nationaux ; "
            "18 chiffres régionaux, pour 7 régions sur 13"
        )
        assert not page.is_visible("#coverage-table")
        boxes = page.evaluate(BOX)
        assert boxes["summary"]["bottom"] < boxes["map"]["top"]
        assert boxes["map"]["bottom"] <= DESKTOP["height"]  # the whole map, without scrolling
        page.click(SUMMARY)
        page.wait_for_selector("#coverage-table", state="visible")
        boxes = page.evaluate(BOX)
        assert boxes["legend"]["bottom"] <= DESKTOP["height"]  # the table opens on screen too
        assert page.locator("#coverage-table tbody tr").count() == 14
    finally:
        context.close()


def test_a_cell_opens_the_carte_on_a_view_where_its_region_has_a_value(browser, live_server):
    context, page = open_carte(browser, f"{live_server}/", DESKTOP)
    try:
        page.click(SUMMARY)
        link = page.get_by_role(
            "link",
            name="Bourgogne-Franche-Comté, Citoyens : 1 chiffre publié ; "
            "ouvrir une vue qui en montre un",
        )
        assert link.inner_text() == "1"
        page.evaluate(MARK)
        link.click()
        page.wait_for_url(re.compile(r"territory=27"), timeout=PAGE_TIMEOUT_MS)
        drawn = settle(page)
        assert drawn["traces"]["selection"]["locations"] == ["27"]
        assert "27" in drawn["traces"]["ok"]["locations"]
        assert page.inner_text("#selection h3") == "Territoire choisi : Bourgogne-Franche-Comté"
        selection = norm(page.inner_text("#selection"))
        assert "75 %" in selection  # the published figure, on the opened page
        assert "5 chiffres régionaux publiés pour la Bourgogne-Franche-Comté" in selection
    finally:
        context.close()


def test_the_cells_are_reached_with_the_keyboard(browser, live_server):
    context, page = open_carte(browser, f"{live_server}/", DESKTOP)
    try:
        page.focus(SUMMARY)
        page.keyboard.press("Enter")  # a summary opens its details from the keyboard
        page.wait_for_selector("#coverage-table", state="visible")
        reached = []
        for _ in range(6):
            page.keyboard.press("Tab")
            reached.append(page.evaluate("() => document.activeElement.textContent"))
        # the scrolling box, France's row: its name, then its four cells
        assert reached[1:6] == ["France", "26", "37", "37", "11"]
    finally:
        context.close()


def test_on_a_phone_the_table_scrolls_inside_its_own_box(browser, live_server):
    context, page = open_carte(browser, f"{live_server}/", PHONE)
    try:
        page.click(SUMMARY)
        page.wait_for_selector("#coverage-table", state="visible")
        widths = page.evaluate(
            """() => {
              const box = document.querySelector('.coverage-scroll');
              return { page: document.documentElement.scrollWidth, box: box.clientWidth,
                       table: box.scrollWidth, overflow: getComputedStyle(box).overflowX };
            }"""
        )
        assert widths["page"] <= PHONE["width"]  # the page itself never scrolls sideways
        assert widths["table"] > widths["box"] and widths["overflow"] == "auto"
    finally:
        context.close()


def test_donnees_shows_the_table_with_bretagne_not_published(browser, live_server):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/donnees")
        page.wait_for_selector("#coverage-table", state="visible", timeout=PAGE_TIMEOUT_MS)
        assert page.locator("#coverage-table tbody tr").count() == 14
        brittany = page.locator("#coverage-table tbody tr", has_text="Bretagne")
        assert brittany.locator("td").all_inner_texts() == ["non publié"] * 4
    finally:
        context.close()
