"""The Carte's map fills its box at every width, on the page and in embeds (issue 21), in real
Chromium: what is measured is the drawn SVG (the union of the choropleth paths), not a prop.

The map fills its box when its drawing is at least 70 % of the box's width, or 70 % of its
height when the height binds. One legend is visible at each width: the figure's, in its left
margin, on a wide box; the text legend under the map on a narrow one.
"""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry import shape

from tests.dashboard.pages.test_carte_browser import (
    PAGE_TIMEOUT_MS,
    SETTLED,
    normandie_communes,  # noqa: F401 (a fixture)
)
from tests.dashboard.pages.test_sharing_browser import partner_site  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

FILLED = 0.7
PHONE, TABLET, DESKTOP = (390, 844), (768, 1024), (1440, 900)
NARROW_BOX_PX = 900  # under it the legend goes under the map (assets/map_fit.js and .css)

# The drawn map and its box once the drawing is inside the box and neither has moved for half
# a second (a resize, the legend's relayout and the graph's own resize all settle), or null.
STEADY = """
() => {
  const box = document.querySelector('#map');
  const layer = box && box.querySelector('.choroplethlayer');
  if (!layer || !layer.querySelector('path')) return null;
  const drawn = layer.getBoundingClientRect();
  const outer = box.getBoundingClientRect();
  // a drawing wider than its box is the one before a resize, not yet redrawn
  if (drawn.width > outer.width + 2 || drawn.height > outer.height + 2) return null;
  const key = [drawn.x, drawn.y, drawn.width, drawn.height, outer.width, outer.height]
    .map(Math.round).join();
  if (window.__phareFitKey !== key) {
    window.__phareFitKey = key;
    window.__phareFitSince = performance.now();
    return null;
  }
  if (performance.now() - window.__phareFitSince < 500) return null;
  const gd = box.querySelector('.js-plotly-plot');
  const legend = (gd.layout.annotations || []).filter((a) => a.name === 'legend');
  return {
    drawn: [drawn.width, drawn.height],
    box: [outer.x, outer.y, outer.width, outer.height],
    window: [window.innerWidth, window.innerHeight],
    figure_legend: gd.querySelectorAll('.annotation').length > 0 && legend.length > 0
      && legend.every((a) => a.visible !== false),
    margin: gd._fullLayout.margin.l,
  };
}
"""

# The visible part of a commune map (MapLibre), as [west, south, east, north], once it is still.
TILE_BOUNDS = """
() => {
  const gd = document.querySelector('#map .js-plotly-plot');
  const map = gd && gd._fullLayout.map && gd._fullLayout.map._subplot.map;
  if (!map || !map.loaded() || map.isMoving()) return null;
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}
"""


def steady(frame) -> dict:
    """The drawn map's size and its box, once the map is drawn and has stopped moving."""
    frame.wait_for_function(SETTLED, timeout=PAGE_TIMEOUT_MS, polling=100)
    frame.evaluate("() => { window.__phareFitKey = null; }")
    return frame.wait_for_function(STEADY, timeout=PAGE_TIMEOUT_MS, polling=100).json_value()


def filled(measure: dict) -> float:
    """The larger of the drawing's shares of its box's width and height."""
    (drawn_w, drawn_h), (_, _, box_w, box_h) = measure["drawn"], measure["box"]
    return max(drawn_w / box_w, drawn_h / box_h)


def legend_shown_once(page, measure: dict) -> bool:
    """Exactly one legend in sight: the figure's on a wide box, the text one on a narrow one."""
    text_legend = page.evaluate(
        "() => { const r = document.querySelector('#legend').getBoundingClientRect();"
        " return r.width > 50 && r.height > 20; }"
    )
    return text_legend != measure["figure_legend"]


@pytest.mark.parametrize("viewport", [PHONE, TABLET, DESKTOP], ids=["390", "768", "1440"])
def test_the_map_fills_its_box_at_every_width(browser, live_server, viewport):
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/")
        measure = steady(page)
        assert filled(measure) >= FILLED, measure
        if width == PHONE[0]:
            assert measure["box"][2] >= 0.9 * width, measure
        assert legend_shown_once(page, measure), measure
        assert measure["figure_legend"] == (measure["box"][2] >= NARROW_BOX_PX), measure
    finally:
        context.close()


def test_the_map_refits_when_the_window_narrows_and_widens_again(browser, live_server):
    context = browser.new_context(viewport={"width": DESKTOP[0], "height": DESKTOP[1]})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/")
        wide = steady(page)
        assert wide["figure_legend"] and wide["margin"] > 0
        page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})  # a phone turned, say
        narrow = steady(page)
        assert filled(narrow) >= FILLED, narrow
        assert narrow["box"][2] >= 0.9 * PHONE[0], narrow
        assert not narrow["figure_legend"] and narrow["margin"] == 0, narrow
        assert legend_shown_once(page, narrow)
        page.set_viewport_size({"width": DESKTOP[0], "height": DESKTOP[1]})
        again = steady(page)
        assert again["figure_legend"] and again["margin"] == wide["margin"]
        assert again["drawn"] == pytest.approx(wide["drawn"], abs=2)
    finally:
        context.close()


def test_a_commune_map_shows_its_whole_region_on_a_phone(
    browser,
    live_server,
    normandie_communes,  # noqa: F811 (the fixture imported above)
):
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/?level=commune&territory=28")
        page.wait_for_function(SETTLED, timeout=PAGE_TIMEOUT_MS, polling=100)
        page.wait_for_function(
            "() => document.querySelector('#map .js-plotly-plot').layout.margin.l === 0",
            timeout=PAGE_TIMEOUT_MS,
        )
        region = shapely.union_all([shape(f["geometry"]) for f in normandie_communes.values()])
        min_lon, min_lat, max_lon, max_lat = region.bounds
        # the zoom is fitted once MapLibre has loaded: wait for the camera to show the region
        # (a timeout here is the failure), then check it is not a speck either
        west, south, east, north = page.wait_for_function(
            f"""() => {{
              const b = ({TILE_BOUNDS})();
              return b && b[0] <= {min_lon} && b[1] <= {min_lat} && b[2] >= {max_lon}
                && b[3] >= {max_lat} && b;
            }}""",
            timeout=PAGE_TIMEOUT_MS,
            polling=100,
        ).json_value()
        # and not a speck in the box: the region spans most of the map's width or height
        share = max((max_lon - min_lon) / (east - west), (max_lat - min_lat) / (north - south))
        assert share >= FILLED, share
    finally:
        context.close()


@pytest.fixture(scope="module")
def embed_code(browser, live_server) -> str:
    """The embed code of the default view, copied from the share bar as a journalist does."""
    context = browser.new_context(viewport={"width": DESKTOP[0], "height": DESKTOP[1]})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/")
        page.wait_for_function(SETTLED, timeout=PAGE_TIMEOUT_MS, polling=100)
        page.click("#embed-open")
        page.wait_for_function(
            "() => (document.querySelector('#embed-code') || {value: ''})"
            ".value.includes('<iframe')",
            timeout=PAGE_TIMEOUT_MS,
        )
        return page.input_value("#embed-code")
    finally:
        context.close()


def _article(code: str, column_px: int) -> str:
    """A partner's article (on another origin): the embed code pasted in a column of
    ``column_px`` pixels."""
    return (
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Article</title>"
        "</head><body style='margin:0'>"
        f"<div style='width:{column_px}px;max-width:100%'>{code}</div></body></html>"
    )


def _embedded_frame(page):
    for _ in range(PAGE_TIMEOUT_MS // 100):
        frames = [frame for frame in page.frames if "embed=1" in frame.url]
        if frames:
            return frames[0]
        page.wait_for_timeout(100)
    raise AssertionError(f"no embedded view among {[f.url for f in page.frames]}")


@pytest.mark.parametrize(
    "window", [(320, 568), (600, 500), (1200, 800)], ids=["320", "600", "1200"]
)
def test_the_embedded_map_fills_its_frame_and_comes_first(
    browser,
    embed_code,
    partner_site,  # noqa: F811 (the fixture imported above)
    window,
):
    width, height = window
    partner, pages = partner_site
    pages["/"] = _article(embed_code, width)
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(f"{partner}/")
        frame = _embedded_frame(page)
        measure = steady(frame)
        frame_width = page.evaluate("() => document.querySelector('iframe').clientWidth")
        assert frame_width == width
        assert filled(measure) >= FILLED, measure
        assert measure["box"][2] >= 0.9 * frame_width, measure  # the map fills the frame
        # the map comes first: under the title, whole in the frame's first screen
        _, top, _, box_height = measure["box"]
        assert top < 120 and top + box_height <= height, measure
        assert legend_shown_once(frame, measure), measure
        # the view reflows: nothing shown wider than the frame, outside a scroll box of its
        # own (the table's grid), and the title and source lines whole
        overflow = frame.evaluate(
            "() => [...document.querySelectorAll('.embed-view *')]"
            ".filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5"
            " && e.checkVisibility() && !e.closest('.js-plotly-plot, .ag-root-wrapper'))"
            ".map((e) => e.id || e.className || e.tagName).slice(0, 5)"
        )
        assert overflow == [], overflow
        for selector in ("#map-title", "#source-line"):
            clipped = frame.evaluate(
                "(s) => { const e = document.querySelector(s);"
                " return e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight; }",
                selector,
            )
            assert not clipped, selector
    finally:
        context.close()
