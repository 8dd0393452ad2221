"""Browser tab titles follow ``?lang=``: read from the page's request, or from the search string
that Dash's page-routing callback receives."""

import flask
import pytest

from dashboard.server.page_titles import page_title, request_lang


@pytest.mark.parametrize(
    ("query", "expected"),
    [("", "fr"), ("lang=en", "en"), ("lang=fr", "fr"), ("lang=de", "fr"), ("k=3&lang=en", "en")],
)
def test_the_language_comes_from_the_page_s_query_string(query, expected):
    with flask.Flask(__name__).test_request_context(f"/?{query}"):
        assert request_lang() == expected


def test_outside_a_request_the_title_is_french():
    assert page_title("nav_map")() == "PHARE – Carte"


@pytest.mark.parametrize(
    ("key", "lang", "expected"),
    [
        ("nav_map", "en", "PHARE – Map"),
        ("page_region", "fr", "PHARE – Profil de région"),
        ("page_region", "en", "PHARE – Region profile"),
        ("nav_data", "en", "PHARE – Data & methodology"),
    ],
)
def test_a_page_title_is_prefixed_and_translated(key, lang, expected):
    with flask.Flask(__name__).test_request_context(f"/region/28?lang={lang}"):
        assert page_title(key)(code="28") == expected
