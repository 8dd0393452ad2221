"""Browser tab titles in the page's language (``?lang=en``).

Dash accepts a function as a page's ``title`` and calls it with the path's variables only: when
it serves the page (its ``og:title`` tags) and in its page-routing callback, whose answer sets
``document.title``. The language is therefore read from the request being answered: the page's
own query string, or, in the routing callback, the search string of Dash's location component.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs

import dash
from dash.exceptions import MissingCallbackContextException
from flask import has_request_context, request

from dashboard.core.state import FRANCE
from dashboard.text.i18n import LANGUAGES, t

ROUTER_SEARCH = "_pages_location.search"  # Dash's page-routing callback input (dash.dash)
TITLE_PREFIX = "PHARE – "


def page_title(key: str, *, france: str | None = None) -> Callable[..., str]:
    """A ``dash.register_page(title=...)`` callable: "PHARE – " and the page's name ``key``;
    ``france``: the name of the page when its path's code is France's (``/region/FR``)."""

    def title(**path_variables: object) -> str:
        named = france if france and path_variables.get("code") == FRANCE else key
        return TITLE_PREFIX + t(named, request_lang())

    return title


def request_lang() -> str:
    """The language asked for by the request being answered; French by default."""
    search = _router_search()
    if search is None:
        search = request.query_string.decode("latin-1") if has_request_context() else ""
    asked = parse_qs(search.lstrip("?")).get("lang", [])
    return asked[0] if asked and asked[0] in LANGUAGES else LANGUAGES[0]


def _router_search() -> str | None:
    """The location's search string inside Dash's page-routing callback; None elsewhere."""
    try:
        inputs = dash.ctx.inputs
    except (MissingCallbackContextException, LookupError):  # not inside a callback
        return None
    search = inputs.get(ROUTER_SEARCH)
    return search if isinstance(search, str) else None
