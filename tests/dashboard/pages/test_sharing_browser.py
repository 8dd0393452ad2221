"""Share, embed, permalink in real headless Chromium against real gunicorn.

The embed code is pasted into a page served from another port (another origin), as a partner
site would: the frame shows the view, sizes itself to it, and ignores messages from anyone
but the dashboard's frame; a full page, framed the same way, is refused by the browser.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.dashboard.pages.test_carte_browser import (
    PAGE_TIMEOUT_MS,
    SETTLED,
    VIEWPORT,
    choose,
    norm,
    open_page,
    settle,
    valued,
)
from tests.local_server import free_port

pytestmark = pytest.mark.browser

CITIZENS_ENVIRONMENT = "actor=citoyens&indicator=fragility_share_high&fragility=environnement"


@pytest.fixture()
def partner_site() -> Iterator[tuple[str, dict]]:
    """A page on another origin; set ``pages["/"]`` to the HTML it serves."""
    pages: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, "not found").encode()
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", pages
    finally:
        server.shutdown()
        server.server_close()


def test_the_copied_permalink_restores_the_view_in_a_new_page(browser, live_server):
    context = browser.new_context(
        viewport=VIEWPORT, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server}/")
        settle(page)
        drawn = choose(page, "actor", "Citoyens")
        page.wait_for_function(
            "() => document.querySelector('#share-permalink').value.includes('actor=citoyens')",
            timeout=PAGE_TIMEOUT_MS,
        )
        page.focus("#copy-permalink")
        page.keyboard.press("Enter")  # a real button: reached by Tab, pressed from the keyboard
        page.wait_for_function(
            "() => document.querySelector('#copy-permalink-status').textContent.length > 0",
            timeout=10_000,
        )
        assert page.inner_text("#copy-permalink-status") == "Copié dans le presse-papiers"
        copied = page.wait_for_function(
            "() => navigator.clipboard.readText().then((t) => t.includes('actor=citoyens') && t)",
            timeout=10_000,
        ).json_value()
        assert copied == page.input_value("#share-permalink")
        assert parse_qs(urlsplit(copied).query)["release"][0].startswith("publie-")
        reopened = context.new_page()
        reopened.goto(copied)
        assert valued(settle(reopened)) == valued(drawn)
        assert reopened.inner_text("#map-title") == page.inner_text("#map-title")
        assert reopened.inner_text("#map-summary") == page.inner_text("#map-summary")
    finally:
        context.close()


def test_the_embed_code_is_that_of_the_view_shown_when_the_dialog_opens(browser, live_server):
    context, page = open_page(browser, f"{live_server}/")
    try:
        choose(page, "actor", "Citoyens")  # the page's own code is the mayors' view
        page.click("#embed-open")
        page.wait_for_function(
            "() => (document.querySelector('#embed-code') || {value: ''})"
            ".value.includes('actor=citoyens')",
            timeout=PAGE_TIMEOUT_MS,
        )
        code = page.input_value("#embed-code")
        assert "Partenariats source d&#x27;innovation — Citoyens" in code
    finally:
        context.close()


def test_embed_mode_hides_the_controls_and_keeps_title_legend_and_sources(browser, live_server):
    context, page = open_page(browser, f"{live_server}/?embed=1&{CITIZENS_ENVIRONMENT}")
    try:
        for hidden in (".app-header", ".controls-column", "#search", "#upload", "#selection"):
            assert not page.is_visible(hidden), hidden
        for shown in ("#map-title", "#map-summary", "#source-line", "#coverage"):
            assert page.is_visible(shown), shown
        assert "Légende" in page.drawn["annotations"][0]
        assert any("non publié" in text for text in page.drawn["annotations"])
        assert "Carenews" in page.inner_text("#source-line")
        back = page.locator("#share-full-view")
        assert back.is_visible() and back.get_attribute("target") == "_blank"
        query = parse_qs(urlsplit(back.get_attribute("href")).query)
        assert "embed" not in query and query["actor"] == ["citoyens"]
        assert page.is_visible("#export-png-16-9") and page.is_visible("#export-csv-fr")
        assert not page.is_visible("#share-permalink") and not page.is_visible("#embed-open")
        assert page.locator("#upload input[type=file]").is_disabled()
    finally:
        context.close()


def test_the_embed_code_works_in_a_page_of_another_site(browser, live_server, partner_site):
    context, page = open_page(browser, f"{live_server}/?{CITIZENS_ENVIRONMENT}")
    partner, pages = partner_site
    try:
        page.click("#embed-open")
        page.wait_for_selector("#embed-code", state="visible", timeout=10_000)
        code = page.input_value("#embed-code")
        full_page = f"{live_server}/?{CITIZENS_ENVIRONMENT}"
        pages["/"] = (
            "<!doctype html><html lang='fr'><head><title>Partenaire</title></head><body>"
            f"<h1>Article</h1>{code}"
            f"<iframe id='full' src='{full_page}' title='page complète'></iframe></body></html>"
        )
        site = context.new_page()
        site.goto(f"{partner}/")
        frame_id = site.locator("iframe").first.get_attribute("id")
        frame = next(f for f in _frames(site, "embed=1"))
        frame.wait_for_function(SETTLED, timeout=PAGE_TIMEOUT_MS, polling=100)
        assert "Part de notes élevées" in frame.inner_text("#map-title")
        sized = site.wait_for_function(
            f"() => document.getElementById('{frame_id}').style.height",
            timeout=PAGE_TIMEOUT_MS,
        ).json_value()
        content = frame.evaluate(
            "() => Math.ceil(document.querySelector('.embed-view').getBoundingClientRect().height)"
        )
        assert sized == f"{content}px"
        # a message from the partner page itself (not the dashboard's frame) changes nothing
        site.evaluate("() => window.postMessage({type: 'phare-embed-height', height: 321}, '*')")
        site.wait_for_timeout(300)
        assert site.evaluate(f"() => document.getElementById('{frame_id}').style.height") == sized
        # the full page refuses to be framed by another site (frame-ancestors 'self')
        refused = site.locator("#full").element_handle().content_frame()
        assert refused.url.startswith("chrome-error://")  # Chromium's "refused to connect"
        assert refused.evaluate("() => document.querySelector('#map-title')") is None
    finally:
        context.close()


def _frames(page, marker: str):
    page.wait_for_function(
        "(marker) => [...document.querySelectorAll('iframe')].some((f) => f.src.includes(marker))",
        arg=marker,
        timeout=PAGE_TIMEOUT_MS,
    )
    for _ in range(PAGE_TIMEOUT_MS // 100):
        frames = [frame for frame in page.frames if marker in frame.url]
        if frames:
            return frames
        page.wait_for_timeout(100)
    raise AssertionError(f"no frame with {marker} in its URL: {[f.url for f in page.frames]}")


def test_a_link_to_a_replaced_release_shows_the_current_one_with_a_notice(browser, live_server):
    context, page = open_page(browser, f"{live_server}/?release=publie-000000000000&actor=citoyens")
    try:
        notice = norm(page.inner_text("#notices"))
        assert "Version des données remplacée" in notice and "publie-000000000000" in notice
        assert valued(page.drawn) == {"27": 0}  # the citizens' view, current figures
        current = parse_qs(urlsplit(page.input_value("#share-permalink")).query)["release"][0]
        assert current.startswith("publie-") and current != "publie-000000000000"
    finally:
        context.close()


def test_an_embedded_profile_keeps_only_a_link_back_to_the_full_page(browser, live_server):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/region/27?embed=1")
        page.wait_for_selector(".embed-view .chart-with-table", timeout=PAGE_TIMEOUT_MS)
        assert page.locator(".app-nav").count() == 0
        assert page.locator(".language-switch").count() == 0
        back = page.locator("#share-full-view")
        assert back.is_visible() and "embed" not in back.get_attribute("href")
        assert urlsplit(back.get_attribute("href")).path == "/region/27"
    finally:
        context.close()


def test_the_copied_credit_line_names_the_view_s_study_and_ends_with_its_link(browser, live_server):
    context = browser.new_context(
        viewport=VIEWPORT, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server}/")
        settle(page)
        choose(page, "actor", "Citoyens")
        page.wait_for_function(
            "() => document.querySelector('#share-credit').textContent.includes('actor=citoyens')",
            timeout=PAGE_TIMEOUT_MS,
        )
        page.click("#copy-credit")
        page.wait_for_function(
            "() => document.querySelector('#copy-credit-status').textContent.length > 0",
            timeout=10_000,
        )
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == page.text_content("#share-credit")  # folded: read without opening
        assert copied.startswith("Observatoire des partenariats, Programme PHARE (2015-2016)")
        assert copied.endswith(page.input_value("#share-permalink"))
    finally:
        context.close()
