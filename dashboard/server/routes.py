"""Plain Flask routes beside Dash: health, readiness and the static geometry files; and the
language of every page's ``<html>`` element."""

from __future__ import annotations

import re

import dash
from flask import Blueprint, abort, current_app, jsonify, redirect, request, send_file

from dashboard import __version__
from dashboard.core.context import Unavailable
from dashboard.core.state import FRANCE
from dashboard.server.current import current_context
from dashboard.server.live_release import LIVE_EXTENSION, readiness_problems
from dashboard.text.i18n import LANGUAGES

blueprint = Blueprint("phare", __name__)
ONE_YEAR = 365 * 24 * 3600
# Any remainder is the code: a code holding a slash is unknown (404), not another page.
PROFILE_PATH = re.compile(r"^/(?P<kind>region|commune)/(?P<code>.*?)/?$")
HTML_TAG = re.compile(r"<html(?![^>]*\blang=)")  # the first <html> without a lang


@blueprint.before_app_request
def unknown_territory_is_not_found():
    """``/region/<code>`` and ``/commune/<insee>`` answer 404 for a code that names nothing.

    Checked here, before Dash serves its page shell (which would answer 200 for any path).
    A former commune code redirects to the commune that took it over, query string kept.
    """
    matched = PROFILE_PATH.match(request.path)
    context = current_context()
    if matched is None or isinstance(context, Unavailable):
        return None
    kind, code = matched["kind"], matched["code"]
    if kind == "region":  # FR: the France page
        return None if code in context.catalogue.regions or code == FRANCE else abort(404)
    if not code or code in context.commune_codes:
        return None  # no code (``/commune/``): the commune search page
    match = context.gazetteer.commune(code.upper())
    if match is None or match.code not in context.commune_codes:
        abort(404)
    query = request.query_string.decode()
    return redirect(f"/commune/{match.code}" + (f"?{query}" if query else ""), code=302)


@blueprint.get("/healthz")
def healthz():
    """Liveness: the process answers. No data access, so it stays cheap under load."""
    return jsonify(status="ok", version=__version__)


@blueprint.get("/readyz")
def readyz():
    """Readiness: which data releases and which geometry this process serves, or why it
    cannot (503 ``unavailable``) or serves older data than the data folder names (503
    ``degraded``, the policy of :mod:`dashboard.server.live_release`)."""
    context = current_context()
    if isinstance(context, Unavailable):
        return jsonify(status="unavailable", reason=context.reason), 503
    problems = readiness_problems(context, current_app.extensions[LIVE_EXTENSION].data_dir)
    geometry = context.geometry
    body = {
        "status": "degraded" if problems else "ready",
        "version": __version__,
        "release": {"id": context.release.id, "rows": context.release.rows},
        "datasets": {
            name: {"id": dataset.id, "rows": len(dataset.frame)}
            for name, dataset in context.datasets.items()
        },
        "geodata": {
            "origin": geometry.origin,
            "build_key": geometry.build_key,
            "source_version": geometry.source_version,
            "levels": {name: level.sha256 for name, level in geometry.levels.items()},
        },
    }
    if problems:
        body["reasons"] = problems
    return jsonify(body), 503 if problems else 200


@blueprint.get("/geo/<level>.geojson")
def geometry(level: str):
    """The browser file of a map level, gzip-compressed at build time.

    The file is chosen by level id among the manifest's levels, never by a path. With its
    ``?v=<hash>`` the response may be cached for a year: a new build changes the URL.
    """
    context = current_context()
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


@dash.hooks.index()
def document_language(index: str) -> str:
    """The page's language on ``<html>``: ``?lang=en`` gives English, anything else French.

    Dash serves one page shell for every path; without ``lang`` a screen reader reads the page
    with the reader's own default voice (axe ``html-has-lang``). The pages' ``<main>`` carries
    the same language, and a language change is a new page load (the switch is a plain link).
    """
    lang = request.args.get("lang")
    return HTML_TAG.sub(f'<html lang="{lang if lang in LANGUAGES else "fr"}"', index, count=1)
