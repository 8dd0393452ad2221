"""Issue 21, phone layout, in real headless Chromium at 390 × 844 against real gunicorn.

The Carte's map is on the first screen with its filters folded under one « Filtres » button;
no page puts a box past the screen's right edge outside a declared scroll box (an ancestor
whose computed ``overflow-x`` is ``auto`` or ``scroll``); every chart keeps its texts inside
its own drawing. Each element's box is measured, so hiding the page's overflow
(``overflow-x: hidden`` on ``body``) would not make the test pass.
"""

from __future__ import annotations

import pytest

from tests.dashboard.pages.test_carte_browser import PAGE_TIMEOUT_MS

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
PAGES = ["/", "/region/53", "/region/FR", "/comparer", "/analyse", "/donnees"]
CHART_PAGES = ["/comparer", "/region/53", "/region/FR"]

# Every drawn element whose box passes the window's right edge (1 px of rounding allowed),
# unless an ancestor below <body> scrolls sideways: what a reader would have to pan to see.
PAST_THE_EDGE = """
() => {
  const edge = window.innerWidth + 1;
  const scrolls = (element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
  const scrolled = (from) => {
    for (let up = from; up && up !== document.body; up = up.parentElement) {
      if (scrolls(up)) return true;
    }
    return false;
  };
  // text for screen readers only (.visually-hidden: a 1 px box that clips): never seen
  const unseen = (from) => {
    for (let up = from; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.position === 'absolute' && style.overflowX !== 'visible'
          && up.getBoundingClientRect().width <= 1) return true;
    }
    return false;
  };
  const past = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right + window.scrollX <= edge || scrolled(element.parentElement)) continue;
    const name = element.id ? `#${element.id}` : '';
    const text = (element.textContent || '').trim().slice(0, 30);
    past.push(`${element.tagName.toLowerCase()}${name} right=${Math.round(box.right)} «${text}»`);
  }
  // text runs past its element's box (a long unbreakable word): measured line by line
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (!node.textContent.trim() || scrolled(node.parentElement)) continue;
    if (unseen(node.parentElement)) continue;
    range.selectNodeContents(node);
    const right = Math.max(0, ...[...range.getClientRects()].map((line) => line.right));
    if (right + window.scrollX > edge) {
      past.push(`text right=${Math.round(right)} «${node.textContent.trim().slice(0, 30)}»`);
    }
  }
  return past;
}
"""

# Every table wider than the window that does not scroll in a box of its own: the table itself,
# or an ancestor holding nothing else (a section that scrolls moves its charts with the table).
TABLES_NOT_IN_THEIR_OWN_BOX = """
() => [...document.querySelectorAll('main table')].filter((table) => {
  if (table.getBoundingClientRect().width === 0) return false;
  if (table.scrollWidth <= window.innerWidth) return false;
  const scrolls = (element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
  if (scrolls(table)) return false;
  for (let up = table.parentElement; up && up !== document.body; up = up.parentElement) {
    if (scrolls(up)) return up.children.length !== 1;
  }
  return true;
}).map((table) => `table#${table.id} (${table.scrollWidth} px)`)
"""

# Every text of every Plotly chart (its caption, axis title, row labels, tick labels) drawn
# outside its chart's SVG: cut off, since an SVG clips what passes its edges.
CLIPPED_TEXTS = """
() => {
  const clipped = [];
  for (const chart of document.querySelectorAll('.js-plotly-plot')) {
    const frame = chart.querySelector('.main-svg').getBoundingClientRect();
    for (const text of chart.querySelectorAll('.infolayer text, .annotation-text, .xtitle')) {
      const box = text.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.left < frame.left - 1 || box.right > frame.right + 1) {
        clipped.push(`${chart.parentElement.id}: «${text.textContent.slice(0, 40)}»`);
      }
    }
  }
  return clipped;
}
"""

# The plot area of each chart: its width (the room left to the scale) and the chart's own.
PLOT_AREAS = """
() => [...document.querySelectorAll('.js-plotly-plot')].map((chart) => ({
  id: chart.parentElement.id,
  plot: (chart.querySelector('.nsewdrag') || chart).getBoundingClientRect().width,
  width: chart.getBoundingClientRect().width,
}))
"""

DRAWN = "() => document.querySelectorAll('.js-plotly-plot .main-svg').length > 0"


def open_phone(browser, url: str):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url, timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector("main", timeout=PAGE_TIMEOUT_MS)
    return context, page


def settle(page) -> None:
    """The page drawn: its charts (if any) rendered, fonts loaded, layout still."""
    page.wait_for_function("() => document.fonts.status === 'loaded'", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_load_state("networkidle", timeout=PAGE_TIMEOUT_MS)


def test_the_carte_puts_the_map_on_the_first_screen_under_one_filters_button(browser, live_server):
    context, page = open_phone(browser, f"{live_server}/")
    try:
        page.wait_for_function(DRAWN, timeout=PAGE_TIMEOUT_MS)
        assert page.locator("#map").bounding_box()["y"] < PHONE["height"]  # before: 1,118 px
        toggle = page.locator("#filters-toggle")
        assert toggle.is_visible()
        assert toggle.get_attribute("aria-expanded") == "false"
        assert toggle.get_attribute("aria-controls") == "filters-fold"
        assert toggle.inner_text() == "Filtres"
        summary = page.inner_text("#filters-summary")
        assert summary == "Maires · Partenariats source d'innovation · Régions"
        assert not page.locator("#indicator").is_visible()  # folded
        toggle.focus()
        page.keyboard.press("Enter")  # keyboard usable
        page.wait_for_function(
            "() => document.querySelector('#filters-toggle')"
            ".getAttribute('aria-expanded') === 'true'",
            timeout=PAGE_TIMEOUT_MS,
        )
        for name in ("dataset", "actor", "indicator", "level", "search"):
            page.locator(f"#{name}").wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
        ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map((e) => e.id)")
        assert len(ids) == len(set(ids))  # each control once in the page
    finally:
        context.close()


def test_the_summary_line_follows_the_filters(browser, live_server):
    context, page = open_phone(browser, f"{live_server}/?lang=en")
    try:
        page.wait_for_function(DRAWN, timeout=PAGE_TIMEOUT_MS)
        assert page.inner_text("#filters-toggle") == "Filters"
        page.click("#filters-toggle")
        page.locator("#level").click()
        page.get_by_role("option", name="Departments (their region's value)").click()
        page.wait_for_function(
            "() => document.querySelector('#filters-summary').textContent.endsWith("
            "'Departments (their region\\'s value)')",
            timeout=PAGE_TIMEOUT_MS,
        )
    finally:
        context.close()


def test_the_filters_stay_a_column_beside_the_map_on_a_desktop(browser, live_server):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/", timeout=PAGE_TIMEOUT_MS)
        page.wait_for_function(DRAWN, timeout=PAGE_TIMEOUT_MS)
        assert not page.locator("#filters-toggle").is_visible()
        indicator = page.locator("#indicator").bounding_box()
        map_box = page.locator("#map").bounding_box()
        assert indicator["x"] + indicator["width"] <= map_box["x"]  # left of the map
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_nothing_passes_the_right_edge_outside_a_scroll_box(browser, live_server, path):
    context, page = open_phone(browser, f"{live_server}{path}")
    try:
        settle(page)
        assert page.evaluate(PAST_THE_EDGE) == []
        assert page.evaluate(TABLES_NOT_IN_THEIR_OWN_BOX) == []
        # hiding the overflow does not count: the same boxes are measured
        page.add_style_tag(content="html, body { overflow-x: hidden !important; }")
        assert page.evaluate(PAST_THE_EDGE) == []
    finally:
        context.close()


@pytest.mark.parametrize("path", CHART_PAGES)
def test_charts_keep_their_scale_and_their_texts_on_a_phone(browser, live_server, path):
    context, page = open_phone(browser, f"{live_server}{path}")
    try:
        page.wait_for_function(DRAWN, timeout=PAGE_TIMEOUT_MS)
        settle(page)
        assert page.evaluate(CLIPPED_TEXTS) == []
        for chart in page.evaluate(PLOT_AREAS):
            assert chart["plot"] >= 0.5 * chart["width"], chart  # before: about 60 px of 366
    finally:
        context.close()
