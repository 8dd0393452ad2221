"""Security and caching headers of every response, errors included.

**Framing: two profiles, chosen per request.** Full pages may only be framed by the dashboard
itself (``frame-ancestors 'self'`` and, for browsers that predate CSP,
``X-Frame-Options: SAMEORIGIN``): nobody can dress them up inside another site. Embed views
(``?embed=1``) exist to be framed: their ``frame-ancestors`` comes from
``PHARE_FRAME_ANCESTORS`` (any site by default) and they send no ``X-Frame-Options``, which
would forbid what the CSP allows.

**Content-Security-Policy.** Scripts only from the app itself plus Dash's own inline scripts,
allowed by their hashes (``Dash.csp_hashes()``, a few microseconds, asked per response: Dash
adds an inline script while it finishes its set-up on the first request). Styles allow
``'unsafe-inline'``: Plotly and the component libraries write ``style`` attributes and
elements at run time. MapLibre (the commune maps) starts its workers from ``blob:`` URLs, and
PNG downloads from the browser use ``blob:``/``data:`` images. ``object-src 'none'`` and
``base-uri 'none'`` close plugin content and ``<base>`` hijacking (OWASP ASVS 3.4.3).

**Static files.** Dash fingerprints what it serves (``?m=<mtime>`` on assets, the version in
component-suite names) and a deploy changes the fingerprint, so fingerprinted assets and the
vendored files (their version is in their name) are cached for a year; anything else under
``/assets/`` is revalidated after an hour. The geometry route sets its own (content hash).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from flask import Flask, Response, request

EMBED_VALUES = ("1", "true")
ONE_YEAR = 365 * 24 * 3600
LONG_CACHE = f"public, max-age={ONE_YEAR}, immutable"
SHORT_CACHE = "public, max-age=3600"
VERSIONED_ASSETS = "/assets/vendor/"
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), browsing-topics=()",
}


def content_security_policy(script_hashes: Iterable[str], frame_ancestors: str) -> str:
    """The policy of one response; ``script_hashes`` are quoted CSP hash sources."""
    directives = (
        "default-src 'self'",
        " ".join(("script-src 'self'", *script_hashes)),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        f"frame-ancestors {frame_ancestors}",
    )
    return "; ".join(directives)


def security_headers(
    embed: bool, frame_ancestors: str, script_hashes: Iterable[str]
) -> dict[str, str]:
    """The headers of one response: the embed profile or the full-page one."""
    ancestors = frame_ancestors if embed else "'self'"
    headers = {
        **COMMON_HEADERS,
        "Content-Security-Policy": content_security_policy(script_hashes, ancestors),
    }
    if not embed:
        headers["X-Frame-Options"] = "SAMEORIGIN"
    return headers


def static_cache_control(path: str, fingerprinted: bool) -> str | None:
    """``Cache-Control`` of an asset, or None for anything that is not one."""
    if not path.startswith("/assets/"):
        return None
    if fingerprinted or path.startswith(VERSIONED_ASSETS):
        return LONG_CACHE
    return SHORT_CACHE


def install_headers(
    server: Flask, frame_ancestors: str, script_hashes: Callable[[], Iterable[str]]
) -> None:
    """Every response of ``server``, errors included, gets the security headers of its
    profile, and assets their ``Cache-Control``."""

    @server.after_request
    def add_headers(response: Response) -> Response:
        embed = request.args.get("embed") in EMBED_VALUES
        response.headers.update(security_headers(embed, frame_ancestors, script_hashes()))
        cache_control = static_cache_control(request.path, "m" in request.args)
        if cache_control is not None and response.status_code in (200, 304):
            response.headers["Cache-Control"] = cache_control
        return response
