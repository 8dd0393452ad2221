"""Who may show the dashboard in a frame: two header profiles, chosen per request.

Full pages may only be framed by the dashboard itself (``frame-ancestors 'self'`` and, for
browsers that predate CSP, ``X-Frame-Options: SAMEORIGIN``): nobody can dress them up inside
another site. Embed views (``?embed=1``) exist to be framed: their ``frame-ancestors`` comes
from ``PHARE_FRAME_ANCESTORS`` (any site by default) and they send no ``X-Frame-Options``,
which would forbid what the CSP allows. The production hardening adds its directives to the
same ``Content-Security-Policy`` header.
"""

from __future__ import annotations

from flask import Flask, Response, request

EMBED_VALUES = ("1", "true")


def framing_headers(embed: bool, frame_ancestors: str) -> dict[str, str]:
    """The headers of one response: the embed profile or the full-page one."""
    if embed:
        return {"Content-Security-Policy": f"frame-ancestors {frame_ancestors}"}
    return {
        "Content-Security-Policy": "frame-ancestors 'self'",
        "X-Frame-Options": "SAMEORIGIN",
    }


def install_framing_headers(server: Flask, frame_ancestors: str) -> None:
    """Every response of ``server``, errors included, gets its framing profile."""

    @server.after_request
    def add_framing_headers(response: Response) -> Response:
        embed = request.args.get("embed") in EMBED_VALUES
        response.headers.update(framing_headers(embed, frame_ancestors))
        return response
