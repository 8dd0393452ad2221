"""Security and caching headers: the pure policy, then every kind of response of the real app.

Full pages may only be framed by the dashboard itself; embed views (``?embed=1``) where the
setting allows. Every response, errors included, carries the same Content-Security-Policy,
whose ``script-src`` allows the app's own files and Dash's inline scripts by their hashes only.
"""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from flask import Flask

from dashboard.app import MAX_REQUEST_BYTES
from dashboard.server.headers import (
    content_security_policy,
    install_headers,
    security_headers,
    static_cache_control,
)

YEAR = "public, max-age=31536000, immutable"
HOUR = "public, max-age=3600"
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), browsing-topics=()",
}
HASHES = ("'sha256-abc='", "'sha256-def='")
POLICY_TAIL = (
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'"
)
LERAMEAU = "https://www.lerameau.fr https://*.example.org"


def directives(policy: str) -> dict[str, list[str]]:
    """``{directive: [sources]}`` of a policy; a directive given twice fails the test (browsers
    keep the first and ignore the second, so a later, stricter one would be void)."""
    parsed: dict[str, list[str]] = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        assert name not in parsed, f"{name} twice in {policy!r}"
        parsed[name] = sources
    return parsed


def sha256_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def inline_scripts(html: str) -> list[str]:
    """Bodies of the inline scripts a browser would run: not JSON data, not commented out."""
    html = re.sub(r"<!--.*?-->", "", html, flags=re.S)  # Dash's IE warning sits in one
    found = re.findall(r"<script(?![^>]*\ssrc=)([^>]*)>(.*?)</script>", html, flags=re.S)
    return [body for attributes, body in found if "application/json" not in attributes]


# 1. The pure policy -------------------------------------------------------------------------


def test_the_policy_of_a_full_page():
    assert content_security_policy(HASHES, "'self'") == (
        "default-src 'self'; script-src 'self' 'sha256-abc=' 'sha256-def='; "
        f"{POLICY_TAIL}; frame-ancestors 'self'"
    )


def test_the_policy_without_inline_scripts_allows_only_the_apps_own_files():
    assert directives(content_security_policy((), "*"))["script-src"] == ["'self'"]


@pytest.mark.parametrize("ancestors", ["*", LERAMEAU, "'none'"])
def test_full_pages_may_only_be_framed_by_the_dashboard_whatever_the_setting(ancestors):
    assert security_headers(False, ancestors, HASHES) == {
        **COMMON,
        "Content-Security-Policy": (
            "default-src 'self'; script-src 'self' 'sha256-abc=' 'sha256-def='; "
            f"{POLICY_TAIL}; frame-ancestors 'self'"
        ),
        "X-Frame-Options": "SAMEORIGIN",
    }


@pytest.mark.parametrize("ancestors", ["*", LERAMEAU, "'none'"])
def test_embed_views_follow_the_setting_and_send_no_x_frame_options(ancestors):
    assert security_headers(True, ancestors, HASHES) == {
        **COMMON,
        "Content-Security-Policy": (
            "default-src 'self'; script-src 'self' 'sha256-abc=' 'sha256-def='; "
            f"{POLICY_TAIL}; frame-ancestors {ancestors}"
        ),
    }


@pytest.mark.parametrize(
    ("path", "fingerprinted", "expected"),
    [
        ("/assets/style.css", True, YEAR),  # ?m=<mtime>: a deploy changes the URL
        ("/assets/style.css", False, HOUR),
        ("/assets/topojson/world.json", False, HOUR),
        ("/assets/vendor/bootstrap-5.3.8.min.css", False, YEAR),  # version in the name
        ("/assets/vendor/plotly-locale-fr-4.1.1.js", True, YEAR),
        ("/assetsvendor/x.js", False, None),
        ("/assets", False, None),
        ("/", True, None),
        ("/region/28", False, None),
        ("/geo/regions.geojson", True, None),  # sets its own
        ("/_dash-component-suites/dash/dcc/dash_core_components.v4_4_1m1.js", True, None),
    ],
)
def test_static_cache_control(path, fingerprinted, expected):
    assert static_cache_control(path, fingerprinted) == expected


# 2. install_headers on a bare server: errors included, the embed setting ------------------


@pytest.fixture()
def bare_client():
    server = Flask(__name__)

    @server.get("/boom")
    def boom():
        raise RuntimeError("a bug")

    @server.get("/assets/style.css")
    def style():
        return "body {}", {"Content-Type": "text/css"}

    install_headers(server, LERAMEAU, lambda: HASHES)
    return server.test_client()


@pytest.mark.parametrize(
    ("path", "status"),
    [("/boom", 500), ("/boom?embed=1", 500), ("/nowhere", 404), ("/nowhere?embed=true", 404)],
)
def test_errors_carry_the_headers_of_their_profile(bare_client, path, status):
    response = bare_client.get(path)
    assert response.status_code == status
    embed = "embed" in path
    assert {name: response.headers.get(name) for name in COMMON} == COMMON
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == (LERAMEAU.split() if embed else ["'self'"])
    assert policy["script-src"] == ["'self'", *HASHES]
    assert response.headers.get("X-Frame-Options") == (None if embed else "SAMEORIGIN")


def test_asset_errors_are_not_cached_and_assets_are(bare_client):
    assert bare_client.get("/assets/style.css?m=1").headers["Cache-Control"] == YEAR
    assert bare_client.get("/assets/style.css").headers["Cache-Control"] == HOUR
    assert "Cache-Control" not in bare_client.get("/assets/missing.css?m=1").headers


# 3. The real app: every kind of response ----------------------------------------------------

FULL_VIEWS = [
    ("/", 200),
    ("/region/28", 200),
    ("/analyse", 200),
    ("/comparer?territories=28,FR", 200),
    ("/export/view.csv", 200),
    ("/export/analyse.csv", 200),
    ("/region/99", 404),
    ("/healthz", 200),
    ("/assets/style.css", 200),
    ("/?embed=oui", 200),  # not an embed flag: the full-page profile
]
EMBED_VIEWS = [
    ("/?embed=1", 200),
    ("/region/28?embed=1", 200),
    ("/donnees?embed=true", 200),
    ("/region/99?embed=1", 404),
]


def assert_policy(response, dash_app, frame_ancestors: list[str]) -> None:
    assert {name: response.headers.get(name) for name in COMMON} == COMMON
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == frame_ancestors
    script_src = policy["script-src"]
    hashes = dash_app.csp_hashes()
    assert hashes, "Dash has inline scripts: their hashes must be allowed"
    assert script_src == ["'self'", *hashes]
    assert "'unsafe-eval'" not in script_src
    assert "'unsafe-inline'" not in script_src
    assert not any(source in ("*", "data:", "blob:", "http:", "https:") for source in script_src)


@pytest.mark.parametrize(("path", "status"), FULL_VIEWS)
def test_every_full_view_carries_the_full_page_policy(client, dash_app, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert_policy(response, dash_app, ["'self'"])
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize(("path", "status"), EMBED_VIEWS)
def test_embed_views_carry_the_embed_policy(client, dash_app, settings, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert_policy(response, dash_app, settings.frame_ancestors.split())
    assert "X-Frame-Options" not in response.headers


def test_a_request_over_the_size_limit_is_413_with_the_policy(client, dash_app):
    response = client.post(
        "/_dash-update-component",
        data=b"{" + b" " * MAX_REQUEST_BYTES + b"}",
        content_type="application/json",
    )
    assert response.status_code == 413
    assert_policy(response, dash_app, ["'self'"])
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_an_unforeseen_error_is_500_with_the_policy(client, dash_app, failing_callback):
    response = client.post("/_dash-update-component", json=failing_callback)
    assert response.status_code == 500
    assert_policy(response, dash_app, ["'self'"])


@pytest.mark.parametrize(
    "path", ["/", "/?embed=1", "/region/28", "/analyse", "/donnees", "/comparer?territories=28,FR"]
)
def test_every_inline_script_a_page_runs_is_allowed_by_its_hash(client, path):
    response = client.get(path)
    scripts = inline_scripts(response.get_data(as_text=True))
    assert len(scripts) >= 2  # Dash's clientside callbacks and its renderer's start
    script_src = directives(response.headers["Content-Security-Policy"])["script-src"]
    assert [sha256_source(script) in script_src for script in scripts] == [True] * len(scripts)


def test_pages_load_scripts_and_styles_only_from_the_app_itself(client):
    html = client.get("/").get_data(as_text=True)
    sources = re.findall(r'<(?:script|link)[^>]*\s(?:src|href)="([^"]*)"', html)
    assert sources
    assert [source for source in sources if not source.startswith("/")] == []


# 4. Caching of static files -----------------------------------------------------------------


def page_resources(client) -> list[str]:
    html = client.get("/").get_data(as_text=True)
    return re.findall(r'<(?:script|link)[^>]*\s(?:src|href)="(/[^"]*)"', html)


def test_fingerprinted_and_vendored_assets_are_cached_for_a_year(client):
    assets = [url for url in page_resources(client) if url.startswith("/assets/")]
    fingerprinted = [url for url in assets if "?m=" in url]
    assert {"/assets/style.css", "/assets/share.js"} <= {url.split("?")[0] for url in fingerprinted}
    assert "/assets/vendor/bootstrap-5.3.8.min.css" in assets
    for url in assets:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == YEAR, url


def test_assets_without_a_fingerprint_are_revalidated_after_an_hour(client):
    response = client.get("/assets/style.css")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == HOUR


def test_a_missing_asset_is_not_cached_for_a_year(client):
    response = client.get("/assets/missing.js?m=1")
    assert response.status_code == 404
    assert "max-age=31536000" not in response.headers.get("Cache-Control", "")


def test_component_suites_are_served_with_a_long_max_age(client):
    suites = [url for url in page_resources(client) if url.startswith("/_dash-component-suites/")]
    assert len(suites) >= 5  # react, renderer, dcc, html, bootstrap, ag-grid…
    for url in suites:
        response = client.get(url)
        assert response.status_code == 200, url
        max_age = re.search(r"max-age=(\d+)", response.headers["Cache-Control"])
        assert max_age and int(max_age.group(1)) >= 365 * 24 * 3600, url
