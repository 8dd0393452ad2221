"""The Content-Security-Policy as Chromium enforces it: every page works without a violation.

Each page is opened in real headless Chromium against real gunicorn with a listener, set up
before any script of the page runs, that records every ``securitypolicyviolation`` event; the
console and uncaught errors are watched for Chromium's "Content Security Policy" refusals
(blocked ``eval``, scripts, workers, images). A page is checked once it has done its work:
the Carte's map drawn and redrawn after a callback, the commune map drawn by MapLibre (its
workers start from ``blob:`` URLs), the profile's charts, the Analyse's grid and maps.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.dashboard.pages.test_analyse_browser import READY as ANALYSE_READY
from tests.dashboard.pages.test_carte_browser import PAGE_TIMEOUT_MS, VIEWPORT, choose, settle
from tests.dashboard.pages.test_region_browser import READY as CHARTS_DRAWN

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push({
    violatedDirective: event.violatedDirective,
    blockedURI: event.blockedURI,
    sourceFile: event.sourceFile,
    lineNumber: event.lineNumber,
  });
});
"""
CSP = "Content Security Policy"
# Violation events are dispatched as tasks after the refused action: let the last ones arrive.
LATE_EVENTS_MS = 1_000
DOWNLOAD_TIMEOUT_MS = 30_000


class Watched:
    """A page in its own browser context with its CSP violations and console refusals."""

    def __init__(self, browser, url: str) -> None:
        self.context = browser.new_context(viewport=VIEWPORT)
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self._text(f"uncaught: {error}"))
        response = self.page.goto(url)
        self.policy = response.headers.get("content-security-policy", "")

    def _console(self, message) -> None:
        self._text(f"console {message.type}: {message.text} ({message.location})")

    def _text(self, text: str) -> None:
        if CSP in text or "unsafe-eval" in text:
            self.console.append(text)

    def violations(self) -> list[dict]:
        self.page.wait_for_timeout(LATE_EVENTS_MS)
        return self.page.evaluate("() => window.__cspViolations")

    def report(self) -> str:
        return f"violations: {self.violations()}; console: {self.console}"

    def wait_for(self, script: str) -> None:
        """Wait until ``script`` is truthy; on a timeout, say which refusals were seen."""
        try:
            self.page.wait_for_function(script, timeout=PAGE_TIMEOUT_MS, polling=100)
        except PlaywrightTimeout:
            raise AssertionError(f"{script!r} never became true; {self.report()}") from None

    def assert_clean(self) -> None:
        assert "script-src 'self'" in self.policy, "the page was served without the policy"
        assert (self.violations(), self.console) == ([], [])


@pytest.fixture()
def watch(browser, live_server):
    opened: list[Watched] = []

    def open_watched(path: str) -> Watched:
        opened.append(Watched(browser, f"{live_server}{path}"))
        return opened[-1]

    yield open_watched
    for watched in opened:
        watched.context.close()


def settled(watched: Watched) -> dict:
    try:
        return settle(watched.page)
    except AssertionError as error:
        raise AssertionError(f"{error}; {watched.report()}") from None


def test_the_recorder_sees_a_refused_inline_script(watch):
    """The listener works: a script injected without a hash is refused and reported."""
    watched = watch("/region/99")
    watched.page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = true'; document.head.appendChild(s); }"
    )
    violations = watched.violations()
    assert [v["violatedDirective"] for v in violations] == ["script-src-elem"]
    assert violations[0]["blockedURI"] == "inline"
    assert watched.page.evaluate("() => window.__ran === undefined")
    assert any("script-src" in text for text in watched.console)


def test_the_carte_draws_and_answers_a_filter_without_violation(watch):
    watched = watch("/")
    assert settled(watched)["kind"] == "geo"
    drawn = choose(watched.page, "actor", "Citoyens")  # a callback's round trip, map redrawn
    assert drawn["traces"]["ok"]["locations"] == ["27"]
    watched.assert_clean()


def test_the_carte_png_download_works_without_violation(watch):
    """Plotly draws the PNG from an SVG ``data:`` image on a canvas and saves it."""
    watched = watch("/")
    settled(watched)
    page = watched.page
    page.hover("#map .js-plotly-plot")
    try:
        with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as download:
            page.locator("#map .modebar-group").first.locator(".modebar-btn").first.click()
        saved = download.value
    except PlaywrightTimeout:
        raise AssertionError(f"no PNG was saved; {watched.report()}") from None
    assert saved.suggested_filename == "phare-carte.png"
    with open(saved.path(), "rb") as image:
        assert image.read(8) == b"\x89PNG\r\n\x1a\n"
    watched.assert_clean()


def test_the_commune_map_draws_with_maplibre_workers_without_violation(watch):
    watched = watch("/?level=commune&territory=28")
    drawn = settled(watched)
    assert drawn["kind"] == "map"
    assert drawn["rendered"] > 0  # features parsed by MapLibre's workers and drawn
    assert [w.url for w in watched.page.workers if w.url.startswith("blob:")] != []
    watched.assert_clean()


def test_a_region_profile_draws_its_charts_without_violation(watch):
    watched = watch("/region/28")
    watched.wait_for(f"() => ({CHARTS_DRAWN})() >= 1")
    watched.assert_clean()


def test_the_analyse_page_draws_its_grid_and_maps_without_violation(watch):
    watched = watch("/analyse")
    watched.wait_for(ANALYSE_READY)
    watched.assert_clean()


def test_dashs_url_sanitiser_is_the_renderers_own(watch):
    """No asset replaced ``clean_url`` (CVE-2024-21485): a ``javascript:`` link is defused."""
    watched = watch("/donnees")
    watched.wait_for("() => window.dash_clientside && window.dash_clientside.clean_url")
    cleaned = watched.page.evaluate(
        "() => ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', '/region/28']"
        ".map((url) => window.dash_clientside.clean_url(url))"
    )
    assert cleaned == ["about:blank", "about:blank", "/region/28"]
    watched.assert_clean()


def test_an_embed_view_draws_without_violation(watch):
    watched = watch("/?embed=1")
    assert settled(watched)["kind"] == "geo"
    assert watched.page.locator(".embed-view").count() == 1
    watched.assert_clean()
