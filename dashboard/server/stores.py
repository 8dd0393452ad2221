"""What a callback gets back from the visitor's browser, read without trusting it.

Every input and State of a callback comes from the browser, where anyone can change it: a
``dcc.Store`` the server wrote can come back as a string, a dropdown's value as a nested dict.
Callbacks read them through these functions, which check the type and fall back to what an
absent value means (a malformed store is no store), so that no forged request ends in a server
error. Whether a well-typed value is *known* (an actor, a drawn commune) is checked further on,
by :func:`dashboard.core.state.parse_state` or the callback itself.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from dashboard.core.state import AppState, StateChoices, parse_state, state_from_json, state_query
from dashboard.text.i18n import LANGUAGES


def as_mapping(value: object) -> dict[str, Any]:
    """A value that should be a JSON object (a store, a map's ``clickData``); anything else is
    read as an absent, empty one."""
    return value if isinstance(value, dict) else {}


def stored_state(data: object, choices: StateChoices | None) -> AppState:
    """The state of a store holding ``AppState.model_dump(mode="json")`` (or of such fields
    with the browser's new values): each unusable field takes its default, and a store that
    is not an object gives the default state. Nobody sees the notices: the page showed its
    own when it was drawn, and a forged store gets no explanation."""
    return state_from_json(as_mapping(data), choices)


def stored_language(data: object) -> str:
    """The ``lang`` of a store; French unless it is one of the app's languages."""
    lang = as_mapping(data).get("lang")
    return lang if isinstance(lang, str) and lang in LANGUAGES else LANGUAGES[0]


def stored_query(data: object, choices: StateChoices | None) -> str:
    """The ``query`` of a store (a page's :func:`state_query`), written again from the state
    it gives: a link built from it is a permalink of known values, whatever the browser sent."""
    query = as_mapping(data).get("query")
    if not isinstance(query, str):
        return ""
    state, _ = parse_state(dict(parse_qsl(query.removeprefix("?"))), choices)
    return state_query(state)


def text_value(value: object) -> str | None:
    """A component value that should be text (a dropdown's, a search box's); None when the
    browser sent anything else, or text no keyboard gives: a lone UTF-16 surrogate, which JSON
    carries but no URL can (it has no UTF-8 form)."""
    if not isinstance(value, str):
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return value


def text_values(value: object) -> tuple[str, ...]:
    """The texts of a multiple choice's value (see :func:`text_value`); none when it is not a
    list, and only the texts when it holds anything else."""
    items = value if isinstance(value, list) else []
    return tuple(text for text in map(text_value, items) if text is not None)


def clicked_location(click: object) -> str | None:
    """The ``location`` (a territory code) of the first point of a map's ``clickData``; None
    for any other shape."""
    points = as_mapping(click).get("points")
    first = points[0] if isinstance(points, list) and points else None
    return text_value(as_mapping(first).get("location"))
