"""Accessibility in real Chromium: axe-core on each kind of page; keyboard and focus on the Carte.

axe-core is vendored (``tests/vendor/axe-core``, see its README) and checked against its pinned
SHA-256 before it is injected, so the check runs offline and always with the same rules. No
serious or critical violation may remain; moderate and minor ones are reported as warnings.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dashboard.views.carte_filters import FILTERS
from tests.dashboard.pages.test_carte_browser import (
    MARK,
    PAGE_TIMEOUT_MS,
    VIEWPORT,
    open_page,
    settle,
)

AXE_DIR = Path(__file__).resolve().parents[2] / "vendor" / "axe-core"
AXE_FILE = AXE_DIR / "axe.min.js"
AXE_VERSION = "4.14.1"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
BLOCKING = ("serious", "critical")
SHOWN_TARGETS = 3
TABLE = "details:has(#values-table)"  # the table under the map, folded in a <details>

# The only violations not held against the app: each is one rule on one kind of element
# rendered by a library, with the reason the app cannot change it. Nothing else is excluded.
THIRD_PARTY = {
    "aria-hidden-focus": (
        ".dash-dropdown-focus-target",
        "dcc.Dropdown (Dash 4) renders an aria-hidden, read-only <input> before its button to "
        "hold the Tab stop for Safari (plotly/dash#3740); focusing it hands the focus at once "
        "to the dropdown's button, so no one is ever left on it (the keyboard test below checks "
        "that Tab lands on each labelled button). No prop of the component reaches that input.",
    ),
}

PAGES = {
    "carte": "/",
    "carte-simulated-fragility": (
        "/?dataset=simule&actor=citoyens&indicator=fragility_mean_score&fragility=emploi"
    ),
    "region-profile": "/region/28",
    "france": "/region/FR",
    "carte-national": "/?actor=citoyens&indicator=fragility_mean_score&fragility=emploi",
    "analyse": "/analyse",
    "embed": "/?embed=1",
    "comparer": "/comparer?territories=28,FR",
    "donnees": "/donnees",
    "commune": "/commune/14118",
    "carte-en": "/?lang=en",
    "region-profile-en": "/region/28?lang=en",
}

# True once Dash has rendered the page and every chart and grid on it is drawn.
DRAWN = """
() => {
  if (!document.querySelector('main') || document.querySelector('._dash-loading')) return false;
  if (document.querySelector('[data-dash-is-loading="true"]')) return false;
  const graphs = [...document.querySelectorAll('.dash-graph')];
  return graphs.every((graph) => graph.querySelector('.main-svg, canvas'));
}
"""

# axe's violations, each node marked ``excused`` when THIRD_PARTY names its rule and element.
AXE_RUN = """
async (excused) => {
  const result = await axe.run(document, {resultTypes: ['violations'], elementRef: true});
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((node) => ({
      target: node.target.join(' '),
      excused: Boolean(excused[v.id] && node.element && node.element.matches(excused[v.id])),
    })),
  }));
}
"""

FOCUSED = """
() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  return {
    tag: e.tagName.toLowerCase(),
    id: e.id,
    outline: [style.outlineStyle, parseFloat(style.outlineWidth), style.outlineColor],
  };
}
"""


class AxeReport(UserWarning):
    """Moderate or minor accessibility findings: shown in the warnings summary, not failures."""


def axe_source() -> str:
    """The vendored axe-core, refused when it is not the pinned file."""
    data = AXE_FILE.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != AXE_SHA256:
        pytest.fail(
            f"{AXE_FILE} has SHA-256 {digest}, not the pinned {AXE_SHA256} (axe-core "
            f"{AXE_VERSION}): restore the file from the npm tarball named in "
            f"{AXE_DIR / 'README.md'}, or vendor a new version and update AXE_SHA256, "
            "AXE_VERSION and that README together."
        )
    return data.decode("utf-8")


def describe(violation: dict, nodes: list[dict]) -> str:
    targets = [node["target"] for node in nodes[:SHOWN_TARGETS]]
    more = f" (+{len(nodes) - SHOWN_TARGETS} more)" if len(nodes) > SHOWN_TARGETS else ""
    return (
        f"- {violation['id']} ({violation['impact']}): {violation['help']} — "
        f"{', '.join(targets)}{more}"
    )


def audit(page) -> tuple[list[str], list[str]]:
    """Run axe once on the page: (blocking lines, other lines), excused nodes left out."""
    page.evaluate(axe_source())  # through DevTools, so the page's CSP does not apply
    assert page.evaluate("() => axe.version") == AXE_VERSION
    excused = {rule: selector for rule, (selector, _) in THIRD_PARTY.items()}
    blocking, other = [], []
    for violation in page.evaluate(AXE_RUN, excused):
        nodes = [node for node in violation["nodes"] if not node["excused"]]
        if nodes:
            found = blocking if violation["impact"] in BLOCKING else other
            found.append(describe(violation, nodes))
    return blocking, other


def open_drawn(browser, url: str):
    """A page once Dash has rendered it and drawn its charts (the map: see ``settle``)."""
    if urlsplit(url).path == "/":  # the Carte: wait until its map is drawn
        return open_page(browser, url)
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_function(DRAWN, timeout=PAGE_TIMEOUT_MS, polling=100)
    return context, page


def test_the_vendored_axe_core_is_the_pinned_file():
    assert axe_source().startswith(f"/*! axe v{AXE_VERSION}")
    readme = (AXE_DIR / "README.md").read_text(encoding="utf-8")
    assert AXE_SHA256 in readme and f"axe-core-{AXE_VERSION}.tgz" in readme
    assert (AXE_DIR / "LICENSE").read_text(encoding="utf-8").startswith("Mozilla Public License")


# 1. axe on each kind of page -----------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("path", list(PAGES.values()), ids=list(PAGES))
def test_no_serious_or_critical_accessibility_violation(browser, live_server, path):
    context, page = open_drawn(browser, f"{live_server}{path}")
    try:
        assert page.get_attribute("html", "lang") == ("en" if "lang=en" in path else "fr")
        blocking, other = audit(page)
    finally:
        context.close()
    if other:
        warnings.warn(AxeReport(f"axe-core on {path}:\n" + "\n".join(other)), stacklevel=1)
    assert not blocking, (
        f"axe-core {AXE_VERSION} on {path}: {len(blocking)} serious or critical violation(s)\n"
        + "\n".join(blocking)
    )


# 2. Keyboard and focus on the Carte ----------------------------------------------------------


def press_tab_until(page, selector: str, reached: list[dict], limit: int = 40) -> dict:
    """Press Tab until the focus is on ``selector``; every element passed is kept in ``reached``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        reached.append(focused)
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return focused
    raise AssertionError(
        f"{limit} presses of Tab never reached {selector}; reached: "
        + ", ".join(f"{f['tag']}#{f['id']}" for f in reached[-limit:])
    )


def assert_visible_focus(focused: dict) -> None:
    style, width, colour = focused["outline"]
    assert style not in ("none", "hidden") and width >= 2, focused
    channels = [int(c) for c in re.findall(r"\d+", colour)[:3]]
    assert contrast(channels, [255, 255, 255]) >= 3, focused  # WCAG 1.4.11 on the white page


def contrast(first: list[int], second: list[int]) -> float:
    """WCAG contrast ratio of two sRGB colours (0-255 channels)."""

    def luminance(rgb: list[int]) -> float:
        s = [c / 255 for c in rgb]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in s]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


OPTION = "() => (document.activeElement.closest('[role=option]') || {}).textContent || null"


def choose_with_keys(page, label: str, limit: int = 12) -> None:
    """Open the focused dropdown with Enter, go up to ``label`` with the arrow key, press Enter."""
    page.keyboard.press("Enter")
    page.wait_for_function(OPTION)  # the dropdown focuses its chosen option once open
    for _ in range(limit):
        current = page.evaluate(OPTION)
        if current == label:
            page.keyboard.press("Enter")
            return
        page.keyboard.press("ArrowUp")
        page.wait_for_function(f"(before) => ({OPTION})() !== before", arg=current)
    raise AssertionError(f"the arrow keys never reached the option {label!r}")


@pytest.mark.browser
def test_the_carte_is_usable_from_the_keyboard_with_a_visible_focus(browser, live_server):
    """From the top: language, search, each filter in order, the share links, then the table."""
    context, page = open_page(browser, f"{live_server}/")
    try:
        before = page.drawn
        reached: list[dict] = []
        stops = [".language-switch", "#search", *(f"#{name}" for name in FILTERS[:3])]
        for selector in stops:
            assert_visible_focus(press_tab_until(page, selector, reached))

        # the actor dropdown, by keyboard only: Maires is chosen, Entreprises is just above
        page.evaluate(MARK)
        choose_with_keys(page, "Entreprises")
        drawn = settle(page)
        assert page.inner_text("#actor") == "Entreprises"
        assert "Entreprises" in page.inner_text("#map-title")
        assert drawn["traces"] != before["traces"]
        assert page.evaluate("() => document.activeElement.id") == "actor"

        permalink = "#share-permalink" if page.is_visible("#share-permalink") else "#permalink"
        stops = [*(f"#{name}" for name in FILTERS[3:]), permalink, f"{TABLE} > summary"]
        for selector in stops:
            assert_visible_focus(press_tab_until(page, selector, reached))
        assert all(
            f["outline"][0] != "none" for f in reached if f["tag"] in ("a", "button", "input")
        ), [f for f in reached if f["outline"][0] == "none"]

        page.keyboard.press("Enter")  # opens the table under the map
        focused = press_tab_until(page, f"{TABLE} :is(.ag-header-cell, .ag-cell)", reached, 3)
        assert_visible_focus(focused)
    finally:
        context.close()
