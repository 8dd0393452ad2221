"""Requests answered with a 4xx before Dash handles them, where Dash itself would fail with 500.

Dash trusts the shape of a callback request: a body that is not an object, names no server
callback, gives something else where a list is expected, or gives its pages router a URL part
that is not text makes it raise (a 500 and a traceback in the log). A browser never sends such
a body, so it is refused here with 400 and what was wrong. The values inside a well-formed
body are the callbacks' business: each falls back to its default (:mod:`dashboard.server.stores`).

Dash also raises for a file under ``/_dash-component-suites/`` that no component registered
(a traversal attempt, an old fingerprint): that is a 404.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from dash import Dash
from dash.exceptions import DependencyException
from flask import Response, request

CALLBACK_PATH = "/_dash-update-component"
LIST_FIELDS = ("inputs", "state", "changedPropIds")
PAGES_LOCATION = "_pages_location"  # the dcc.Location of Dash's pages router
# the router reads the URL's parts as text; a path starts with "/"
LOCATION_PARTS = {"pathname": "/", "search": "", "hash": ""}


def server_outputs(callback_map: Mapping[str, dict]) -> frozenset[str]:
    """The outputs of callbacks that run on the server (clientside ones have no function)."""
    return frozenset(key for key, spec in callback_map.items() if "callback" in spec)


def callback_request_problem(body: object, known_outputs: Collection[str]) -> str | None:
    """What makes ``body`` unusable as a callback request, or None when its shape is right."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in known_outputs:
        return "'output' names no server callback of this app"
    if not isinstance(body.get("outputs"), dict | list):
        return "'outputs' is neither an object nor a list"
    wrong = [name for name in LIST_FIELDS if not isinstance(body.get(name, []), list)]
    if wrong:
        return f"{', '.join(repr(name) for name in wrong)} should be a list"
    return next(filter(None, map(dependency_problem, body.get("inputs", []))), None)


def dependency_problem(dependency: object) -> str | None:
    """What is wrong with one input of the request: its shape, or a URL part given to the pages
    router that is not text."""
    if not isinstance(dependency, dict) or not isinstance(dependency.get("property"), str):
        return "an input is not an object with a 'property'"
    if dependency.get("id") != PAGES_LOCATION:
        return None
    start = LOCATION_PARTS.get(dependency["property"])
    value = dependency.get("value")
    if start is None or (value is None and start == ""):
        return None
    if not isinstance(value, str) or not value.startswith(start):
        return f"the URL's {dependency['property']} is not text starting with {start!r}"
    return None


def refused(status: int, reason: str) -> Response:
    return Response(reason, status=status, mimetype="text/plain")


def install_request_guards(app: Dash) -> None:
    """Check callback requests' shape, and answer 404 for unknown component files."""

    @app.server.before_request
    def refuse_malformed_callback_requests() -> Response | None:
        if request.path != CALLBACK_PATH or request.method != "POST":
            return None
        body = request.get_json()  # not JSON: Flask answers 400 or 415; Dash reads it cached
        problem = callback_request_problem(body, server_outputs(app.callback_map))
        return None if problem is None else refused(400, f"invalid callback request: {problem}")

    @app.server.errorhandler(DependencyException)
    def unknown_component_file(_: DependencyException) -> Response:
        return refused(404, "not found")
