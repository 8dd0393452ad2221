"""The data context of the request being answered, and what each kind of answer does without it.

The process's context is read once per request (``flask.g``), so a request never mixes two
releases (:mod:`dashboard.server.live_release` swaps it between requests). When the data could
not be loaded, ``/readyz`` says why and every other answer says it its own way: a page shows
the reason (:func:`page_context`), a callback leaves the page as it is (:func:`callback_context`),
an export answers 503 with the reason (:func:`export_context`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from dash.exceptions import PreventUpdate
from flask import Response, abort, current_app, g

from dashboard.core.context import DataContext, Unavailable
from dashboard.core.state import AppState, Notice, parse_state

EXTENSION_KEY = "phare"  # where the app keeps its context: ``app.extensions[EXTENSION_KEY]``


def current_context() -> DataContext | Unavailable:
    """The context of this request: the process's current one, read once per request."""
    if "phare_context" not in g:
        g.phare_context = current_app.extensions[EXTENSION_KEY]
    return g.phare_context


def page_context(
    query: Mapping[str, object], page: str | None = None
) -> tuple[DataContext | Unavailable, AppState, list[Notice]]:
    """The context, and the page's state read from its query string (checked against what the
    data offers when there is data: without it, the page still speaks the asked language);
    ``page``: the path of a page with defaults of its own (``core.state.PAGE_DEFAULTS``)."""
    context = current_context()
    choices = None if isinstance(context, Unavailable) else context.choices
    state, notices = parse_state(query, choices, page)
    return context, state, notices


def callback_context() -> DataContext:
    """The context of a callback; without data the page keeps what it shows."""
    context = current_context()
    if isinstance(context, Unavailable):
        raise PreventUpdate
    return context


def plain_unavailable(reason: str) -> Response:
    return Response(reason, status=503, mimetype="text/plain")


def export_context(unavailable: Callable[[str], Response] = plain_unavailable) -> DataContext:
    """The context of an export route; without data the route answers ``unavailable(reason)``
    (a 503)."""
    context = current_context()
    if isinstance(context, Unavailable):
        abort(unavailable(context.reason))
    return context
