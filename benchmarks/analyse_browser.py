"""Browser: Analyse sur mesure in headless Chromium against real gunicorn, a change of indicator.

One run starts gunicorn from the Procfile (as ``benchmarks/browser.py``) and Debian's Chromium,
opens ``/analyse`` and picks another indicator in its dropdown, back and forth
(:data:`CHANGES` times), as a reader does. For each change it measures:

- change → drawn: the click on the option → the new table drawn: its title, the new rows in
  the grid, no Dash callback pending, and every Plotly graph laid out again after the click
  (the small-multiple maps with their regions drawn);
- longest blank: the longest stretch with no table in view (no grid, or a grid hidden, with
  no opacity or no box), from the last sample that showed a table to the next one; sampled
  every 50 ms (the samples are kept in the tab's sessionStorage, so a page load does not lose
  them: the gap of the load itself counts as blank).

The times are taken in the page (``performance.timeOrigin + performance.now()``), so they stay
comparable across a page load, which is how the page redrew before it updated in place.
:data:`BEFORE` keeps the figures of that version, measured with this same module.
"""

from __future__ import annotations

import sys
import time
from itertools import pairwise
from typing import Any

from benchmarks import Figure, benchmark, median
from benchmarks.browser import chromium, live_server, missing_browser
from benchmarks.environment import Environment

VIEWPORT = {"width": 1440, "height": 900}
TIMEOUT_MS = 90_000
CHANGES = 6  # three round trips between the two indicators
# (option label, URL parameter, start of the title, a row id of its table)
INDICATORS = (
    ("Partenariats source d'innovation", "partnership_innovation_share", "Partenariats", "28"),
    ("Note moyenne de fragilité (1 à 10)", "fragility_mean_score", "Note moyenne", "emploi"),
)
DRAWN = "change → drawn"
BLANK = "longest blank"
# Today's figures before the page updated in place, when a choice loaded the new table's URL:
# measured on 7 December 2026 at 21:42 UTC on main at 2c72599, with this module copied into a
# worktree of that commit (``python -m benchmarks analyse_browser``), on this 2-core machine
# shared with other runs (load average about 7). Changes: 1930, 2671, 1909, 1361, 1346, 1723 ms
# to drawn; 1737, 2691, 1666, 1283, 1073, 1673 ms blank.
BEFORE = {DRAWN: 1816.0, BLANK: 1670.0}

# In every document of the tab: a click records its time once armed; every 50 ms, whether a
# table is in view and which rows it shows; the time the expected table is first drawn.
RECORDER = """
(() => {
  const store = sessionStorage;
  const now = () => performance.timeOrigin + performance.now();
  const before = new WeakSet();
  const inView = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) return false;
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      if (parseFloat(style.opacity) <= 0) return false;
    }
    return true;
  };
  const rows = () => [...document.querySelectorAll(
    '#analyse-table .ag-center-cols-container .ag-row')];
  const graphs = () => [...document.querySelectorAll('.dash-graph .js-plotly-plot')];
  const mapsDrawn = (gd) => (gd._fullLayout._subplots.geo || []).every((id) => {
    const subplot = gd._fullLayout[id]._subplot;
    return subplot && subplot.framework.node().querySelector('.choroplethlocation');
  });
  const drawn = (title, row) => {
    if (document.querySelector('[data-dash-is-loading="true"]')) return false;
    const heading = document.querySelector('#analyse-title');
    if (!heading || !heading.textContent.startsWith(title)) return false;
    if (!rows().some((r) => r.getAttribute('row-id') === row)) return false;
    return graphs().every((gd) => gd._fullLayout && !before.has(gd._fullLayout)
      && gd.querySelector('.main-svg') && mapsDrawn(gd));
  };
  document.addEventListener('click', () => {
    if (store.getItem('bench-armed') === '1' && !store.getItem('bench-click')) {
      store.setItem('bench-click', String(now()));
    }
  }, true);
  window.__benchArm = (title, row) => {
    graphs().forEach((gd) => gd._fullLayout && before.add(gd._fullLayout));
    ['bench-click', 'bench-drawn'].forEach((key) => store.removeItem(key));
    store.setItem('bench-expect', JSON.stringify([title, row]));
    store.setItem('bench-armed', '1');
  };
  const watch = () => {
    if (store.getItem('bench-armed') === '1' && store.getItem('bench-click')
        && !store.getItem('bench-drawn') && drawn(...JSON.parse(store.getItem('bench-expect')))) {
      store.setItem('bench-drawn', String(now()));
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  setInterval(() => {
    if (store.getItem('bench-armed') !== '1') return;
    const grid = document.querySelector('#analyse-table');
    const shown = Boolean(grid) && inView(grid) && rows().some(inView);
    const samples = JSON.parse(store.getItem('bench-samples') || '[]');
    samples.push([now(), shown]);
    store.setItem('bench-samples', JSON.stringify(samples));
  }, 50);
})();
"""
READ = """() => ({
  click: Number(sessionStorage.getItem('bench-click')),
  drawn: Number(sessionStorage.getItem('bench-drawn')),
  samples: JSON.parse(sessionStorage.getItem('bench-samples') || '[]'),
})"""


def longest_blank(samples: list[list[Any]]) -> float:
    """Milliseconds of the longest stretch between two samples that show a table with at least
    one sample showing none in between (a page load's own gap, which leaves no sample, counts
    with the blank samples of the new page)."""
    shown = [at for at, visible in samples if visible]
    blanks = [at for at, visible in samples if not visible]
    longest = 0.0
    for start, end in pairwise(shown):
        if any(start < at < end for at in blanks):
            longest = max(longest, end - start)
    return longest


def change(page: Any, label: str, parameter: str, title: str, row: str) -> tuple[float, float]:
    """Pick ``label`` in the indicator dropdown; change → drawn and longest blank, in ms."""
    page.click("#analyse-indicator")
    option = page.get_by_role("option", name=label, exact=True)
    option.wait_for(timeout=TIMEOUT_MS)
    page.evaluate("([title, row]) => window.__benchArm(title, row)", [title, row])
    page.evaluate("() => sessionStorage.setItem('bench-samples', '[]')")
    page.wait_for_timeout(200)  # a few samples of the old table
    option.click()
    page.wait_for_url(lambda url: f"indicator={parameter}" in url, timeout=TIMEOUT_MS)
    page.wait_for_function(
        "() => sessionStorage.getItem('bench-drawn')", timeout=TIMEOUT_MS, polling=50
    )
    page.wait_for_timeout(200)  # samples of the new table
    read = page.evaluate(READ)
    page.evaluate("() => sessionStorage.setItem('bench-armed', '0')")
    return read["drawn"] - read["click"], longest_blank(read["samples"])


def measure(browser: Any, url: str) -> dict[str, list[float]]:
    page = browser.new_page(viewport=VIEWPORT)
    try:
        page.add_init_script(RECORDER)
        page.goto(f"{url}/analyse")
        page.wait_for_selector("#analyse-table .ag-row", timeout=TIMEOUT_MS)
        figures: dict[str, list[float]] = {DRAWN: [], BLANK: []}
        for at in range(CHANGES):
            drawn, blank = change(page, *INDICATORS[at % 2])
            figures[DRAWN].append(drawn)
            figures[BLANK].append(blank)
        return figures
    finally:
        page.close()


def rows(figures: dict[str, list[float]]) -> list[Figure]:
    """Each figure measured, then today's before the page updated in place."""
    out = []
    for name, values in figures.items():
        listed = ", ".join(f"{value:.0f}" for value in values)
        note = f"median of {len(values)} changes of indicator ({listed})"
        out.append(Figure(f"browser · analyse · {name}", median(values), "ms", note))
        out.append(
            Figure(
                f"browser · analyse · {name} · before",
                BEFORE[name],
                "ms",
                "recorded (BEFORE): a choice loaded the new URL; main at 2c72599, 7 Dec 2026",
            )
        )
    return out


@benchmark
def change_of_indicator(env: Environment) -> list[Figure]:
    missing = missing_browser()
    if missing:
        print(f"browser benchmark skipped: {missing}", file=sys.stderr)
        return [Figure("browser · analyse", "skipped", "", missing)]
    start = time.perf_counter()
    with live_server(env) as url, chromium() as browser:
        figures = measure(browser, url)
    return [
        *rows(figures),
        Figure("browser · analyse · run time", time.perf_counter() - start, "s"),
    ]
