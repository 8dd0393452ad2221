"""Reading what the browser sends back to a callback: exact fallbacks for each shape."""

import pytest

from dashboard.core.state import AppState
from dashboard.server.stores import (
    as_mapping,
    clicked_location,
    stored_language,
    stored_query,
    stored_state,
    text_value,
    text_values,
)

STORED = AppState().model_dump(mode="json")


@pytest.mark.parametrize(
    ("value", "expected"),
    [({"a": 1}, {"a": 1}), ("x", {}), (None, {}), ([{"a": 1}], {}), (3, {})],
)
def test_only_an_object_is_a_store(value, expected):
    assert as_mapping(value) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({**STORED, "actor": "citoyens"}, AppState(actor="citoyens")),
        ({**STORED, "territories": ["28", "FR"]}, AppState(territories=("28", "FR"))),
        ({**STORED, "territories": [1, "FR"]}, AppState()),
        ({**STORED, "lang": "de"}, AppState()),
        ({**STORED, "lang": ["en"]}, AppState(lang="en")),  # a list is a repeated parameter
        ({**STORED, "k": "many", "embed": "yes", "actor": {"a": 1}}, AppState()),
        ({**STORED, "k": float("nan")}, AppState()),
        ({"unknown": 1}, AppState()),
        ("not a dict", AppState()),
        (["lang", "en"], AppState()),
        (None, AppState()),
    ],
)
def test_a_stored_state_keeps_its_usable_fields(context, data, expected):
    assert stored_state(data, context.choices) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"lang": "en"}, "en"),
        ({"lang": "de"}, "fr"),
        ({"lang": ["en"]}, "fr"),
        ({}, "fr"),
        ("en", "fr"),
    ],
)
def test_a_stored_language_is_one_of_the_app(data, expected):
    assert stored_language(data) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"query": "?dataset=simule&lang=en"}, "?dataset=simule&lang=en"),
        ({"query": "?lang=en&actor=nope"}, "?lang=en"),
        ({"query": "//evil.example/?lang=en"}, ""),
        ({"query": "?lang=%3Cscript%3E"}, ""),
        ({"query": 7}, ""),
        ({}, ""),
        ("?lang=en", ""),
    ],
)
def test_a_stored_query_is_written_again_from_its_state(context, data, expected):
    assert stored_query(data, context.choices) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("28", "28"),
        ("", ""),
        (None, None),
        (28, None),
        (["28"], None),
        ({}, None),
        ("\ud800", None),
    ],
)
def test_text_is_only_text(value, expected):
    assert text_value(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(["28", "FR"], ("28", "FR")), (["28", 5, None, "\ud800"], ("28",)), ("28", ()), (None, ())],
)
def test_a_multiple_choice_keeps_its_texts(value, expected):
    assert text_values(value) == expected


@pytest.mark.parametrize(
    ("click", "expected"),
    [
        ({"points": [{"location": "28"}, {"location": "53"}]}, "28"),
        ({"points": [{"location": 28}]}, None),
        ({"points": [{}]}, None),
        ({"points": [5]}, None),
        ({"points": []}, None),
        ({"points": "28"}, None),
        ("28", None),
        (None, None),
    ],
)
def test_a_click_gives_the_first_point_location(click, expected):
    assert clicked_location(click) == expected
