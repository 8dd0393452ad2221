"""Plain Flask routes beside Dash: health, readiness and the static geometry files."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, request, send_file

from dashboard import __version__
from dashboard.context import EXTENSION_KEY, Unavailable

blueprint = Blueprint("phare", __name__)
ONE_YEAR = 365 * 24 * 3600


@blueprint.get("/healthz")
def healthz():
    """Liveness: the process answers. No data access, so it stays cheap under load."""
    return jsonify(status="ok", version=__version__)


@blueprint.get("/readyz")
def readyz():
    """Readiness: which data release and which geometry this process serves, or why it cannot."""
    context = current_app.extensions[EXTENSION_KEY]
    if isinstance(context, Unavailable):
        return jsonify(status="unavailable", reason=context.reason), 503
    geometry = context.geometry
    return jsonify(
        status="ready",
        version=__version__,
        release={"id": context.release.id, "rows": context.release.rows},
        geodata={
            "origin": geometry.origin,
            "build_key": geometry.build_key,
            "source_version": geometry.source_version,
            "levels": {name: level.sha256 for name, level in geometry.levels.items()},
        },
    )


@blueprint.get("/geo/<level>.geojson")
def geometry(level: str):
    """The browser file of a map level, gzip-compressed at build time.

    The file is chosen by level id among the manifest's levels, never by a path. With its
    ``?v=<hash>`` the response may be cached for a year: a new build changes the URL.
    """
    context = current_app.extensions[EXTENSION_KEY]
    if isinstance(context, Unavailable) or level not in context.geometry.levels:
        abort(404)
    built = context.geometry.levels[level]
    compressed = "gzip" in request.headers.get("Accept-Encoding", "")
    path = context.geometry.gzip_path_of(level) if compressed else context.geometry.path_of(level)
    response = send_file(path, mimetype="application/geo+json", etag=built.sha256, conditional=True)
    if compressed:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    versioned = request.args.get("v") == built.sha256[:12]
    response.headers["Cache-Control"] = (
        f"public, max-age={ONE_YEAR}, immutable" if versioned else "public, max-age=300"
    )
    return response
