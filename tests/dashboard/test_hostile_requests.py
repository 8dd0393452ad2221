"""Hostile requests through the Flask test client: random and oversized query strings on every
page and export, unknown territories, path traversal, markup and formulas in parameters,
malformed callback requests.

Each must end in a page, a fallback with its notice or a 4xx: never a 5xx, a traceback, a file
outside the app's own, or a parameter sent back as markup. Pages are drawn by Dash in the
browser: the server sends one page shell for every path, then the page's layout, built from
the URL, in answer to the ``_pages_content`` callback; both are requested here as the browser
requests them, and the pages' layout functions are also called directly.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from urllib.parse import quote

import dash
import hypothesis
import pytest
from dash._pages import _parse_query_string
from dash.development.base_component import Component
from hypothesis import HealthCheck, given

import dashboard.exports.analyse as analysis_export
import dashboard.exports.slides as image_export
from dashboard.core.state import AppState, parse_state
from dashboard.exports.renderer import RenderOptions
from dashboard.exports.slides import HEIGHTS, WIDTHS
from dashboard.server.current import EXTENSION_KEY
from tests.callbacks.dash_requests import callback_ids, carte_update_body, page_layout_body
from tests.hostile_inputs import ATTACKS, layout_arguments, query_strings

FUZZ = hypothesis.settings(
    max_examples=10,
    deadline=None,
    database=None,  # no .hypothesis folder in the repository
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Every page, its path variables filled with a sample territory (checked against Dash's registry)
PAGE_PATHS = ("/", "/analyse", "/comparer", "/donnees", "/region/28", "/commune/14118")
SAMPLE_PATH_VARIABLES = {"code": "28", "insee": "14118"}
CSV_EXPORTS = ("/export/view.csv", "/export/analyse.csv")
IMAGE_EXPORTS = (
    "/export/view.png",
    "/export/view.svg",
    "/export/analyse.png",
    "/export/analyse.svg",
)
OTHER_ROUTES = ("/healthz", "/readyz", "/_dash-layout", "/_dash-dependencies", "/_favicon.ico")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")  # OWASP ASVS 5.0, 1.2.10
ATTACKED_PARAMETERS = ("territory", "indicator", "actor", "lang", "flavour", "zzz")
MARKUP = re.compile(r"[<>\"&]")
OWN_URL_TAG = re.compile(r'<meta property="twitter:url" content="([^"]*)">')
KNOWN_FILE_CONTENTS = (b"root:x:0:0", b"[tool.ruff]", b"[tool.pytest.ini_options]")


# Helpers


def registered_page(path: str) -> dict:
    """The page of ``dash.page_registry`` that serves ``path``."""
    for page in dash.page_registry.values():
        if sample_path(page) == path:
            return page
    raise LookupError(path)


def sample_path(page: dict) -> str:
    path = page.get("path_template") or page["path"]
    for name, code in SAMPLE_PATH_VARIABLES.items():
        path = path.replace(f"<{name}>", code)
    return path


def path_variables(page: dict) -> set[str]:
    return set(re.findall(r"<(\w+)>", page.get("path_template") or ""))


def assert_handled(response) -> None:
    """A deliberate answer: no server error, no traceback, no source path."""
    body = response.get_data()
    assert response.status_code < 500, (response.status_code, body[:300])
    assert b"Traceback" not in body
    assert b'File "/' not in body


def post_page_layout(client, dash_app, pathname: str, search: str):
    return client.post("/_dash-update-component", json=page_layout_body(dash_app, pathname, search))


def components(tree: object) -> Iterator[dict]:
    """Every serialised component of a Dash JSON response, depth first."""
    if isinstance(tree, dict):
        if "namespace" in tree and "props" in tree:
            yield tree
        for value in tree.values():
            yield from components(value)
    elif isinstance(tree, list):
        for item in tree:
            yield from components(item)


def notice_texts(layout_response) -> list[str]:
    return [
        component["props"]["children"]
        for component in components(layout_response.get_json())
        if "url-notice" in str(component["props"].get("className", ""))
    ]


def props_holding(tree: object, text: str) -> list[tuple[str, str]]:
    """(component type, prop) of every prop whose value holds ``text``."""
    found = []
    for component in components(tree):
        for prop, value in component["props"].items():
            values = value if isinstance(value, list) else [value]
            if any(isinstance(item, str) and text in item for item in values):
                found.append((component["type"], prop))
    return found


def without_own_url(page_shell: str) -> str:
    """The page shell without the tag where Dash writes the request's own URL (HTML-escaped:
    ``<`` as ``&lt;``…, so the tag cannot be closed from the query)."""
    for url in OWN_URL_TAG.findall(page_shell):
        assert url.startswith("http://localhost/") and not re.search(r"[<>\"]", url)
    return OWN_URL_TAG.sub("", page_shell)


def csv_rows(response) -> list[list[str]]:
    text = response.get_data(as_text=True)
    separator = ";" if text.startswith("\ufeff") else ","
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=separator))


def is_number(cell: str) -> bool:
    try:
        float(cell.replace(",", "."))
    except ValueError:
        return False
    return True


class RecordingRenderer:
    """Stands for Chromium: keeps what it was asked to draw, returns a few bytes."""

    def __init__(self) -> None:
        self.calls: list[RenderOptions] = []

    def render(self, figure: dict, options: RenderOptions) -> bytes:
        json.dumps(figure)  # what kaleido would receive must be plain JSON
        self.calls.append(options)
        return b"image"


# Random query strings


def test_the_pages_tested_here_are_every_registered_page(dash_app):
    assert sorted(sample_path(page) for page in dash.page_registry.values()) == sorted(PAGE_PATHS)


@pytest.mark.parametrize("path", PAGE_PATHS)
@FUZZ
@given(query=query_strings)
def test_a_random_query_string_never_breaks_a_page(dash_app, path, query):
    client = dash_app.server.test_client()
    shell = client.get(path, query_string=query)
    assert_handled(shell)
    assert shell.status_code == 200
    layout = post_page_layout(client, dash_app, path, f"?{query}")
    assert_handled(layout)
    assert layout.status_code == 200
    # each unusable state parameter is replaced by its default, and the page says so
    page = registered_page(path)
    arguments = _parse_query_string(f"?{query}")  # what Dash gives the layout
    state_query = {k: v for k, v in arguments.items() if k not in path_variables(page)}
    _, notices = parse_state(state_query, dash_app.server.extensions[EXTENSION_KEY].choices)
    assert len(notice_texts(layout)) >= len(notices), notices


@pytest.mark.parametrize("path", PAGE_PATHS)
@hypothesis.settings(FUZZ, max_examples=20)
@given(arguments=layout_arguments)
def test_a_page_layout_takes_any_arguments(dash_app, path, arguments):
    """A layout function gets the URL's query as keyword arguments, a list for a repeated
    key; a query key may carry a path variable's name (Dash lets it win over the path)."""
    with dash_app.server.test_request_context(path):
        built = registered_page(path)["layout"](**arguments)
    assert isinstance(built, Component)


@pytest.mark.parametrize("route", CSV_EXPORTS)
@FUZZ
@given(query=query_strings)
def test_a_random_query_string_gets_a_csv_with_its_formulas_defused(dash_app, route, query):
    response = dash_app.server.test_client().get(route, query_string=query)
    assert_handled(response)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    for row in csv_rows(response):
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS) or is_number(cell), cell


@pytest.mark.parametrize("route", IMAGE_EXPORTS)
@hypothesis.settings(FUZZ, max_examples=4)
@given(query=query_strings.filter(lambda query: "commune" not in query))
def test_image_exports_check_their_parameters_before_drawing(dash_app, monkeypatch, route, query):
    """Chromium is replaced by a recorder: what reaches it is a valid size and format whatever
    the query (another host keeps these images apart from the real ones in the cache)."""
    renderer = RecordingRenderer()
    monkeypatch.setattr(image_export, "RENDERER", renderer)
    monkeypatch.setattr(analysis_export, "RENDERER", renderer)
    client = dash_app.server.test_client()
    response = client.get(route, query_string=query, base_url="http://fuzz.invalid")
    assert_handled(response)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    notice = response.headers.get("X-Phare-Notice", "")
    assert notice.isascii() and notice.isprintable()
    for options in renderer.calls:  # none when the cache already had the image
        assert options.format == route.rpartition(".")[2]
        assert WIDTHS[0] <= options.width * options.scale <= WIDTHS[1]
        assert HEIGHTS[0] <= options.height * options.scale <= HEIGHTS[1]


@pytest.mark.parametrize("route", OTHER_ROUTES)
def test_other_routes_ignore_a_hostile_query(client, route):
    for query in ("a=%ff%00", "v=" + "9" * 5000, "_trace=1&debug=1", "&".join(["x=1"] * 500)):
        response = client.get(route, query_string=query)
        assert_handled(response)
        assert response.status_code == 200


# Unknown territories


@pytest.mark.parametrize(
    "path",
    [
        "/region/99",
        "/region/00",
        "/region/<script>",
        "/region/%3Cimg%20src=x%20onerror=alert(1)%3E",
        "/region/" + "9" * 5000,
        "/commune/00000",
        "/commune/99999",
        "/commune/2C001",
        "/commune/%00",
        "/commune/..",
        "/commune/" + "1" * 5000,
    ],
)
def test_an_unknown_territory_is_not_found(client, path):
    response = client.get(path)
    assert_handled(response)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/commune/../../etc/passwd",
        "/commune/..%2f..%2fetc%2fpasswd",
        "/region/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/region/28/extra",
    ],
)
def test_an_unknown_territory_with_a_slash_is_not_found(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("path", "search"),
    [
        ("/region/28", "?code=1&code=2"),  # Dash passes a repeated key as a list
        ("/region/28", "?code=99"),
        ("/region/28", "?code=%3Cscript%3E"),
        ("/commune/14118", "?insee=1&insee=2"),
        ("/commune/14118", "?insee=00000"),
        ("/commune/../../etc/passwd", ""),
    ],
)
def test_a_path_variable_overridden_by_the_query_gives_a_page_not_an_error(
    client, dash_app, path, search
):
    """Dash gives a query key the path variable's name precedence over the path itself."""
    response = post_page_layout(client, dash_app, path, search)
    assert_handled(response)
    assert response.status_code == 200
    assert "<script>" not in response.get_data(as_text=True)


# Path traversal


TRAVERSALS = [
    "/geo/..%2f..%2fetc%2fpasswd.geojson",
    "/geo/../../pyproject.toml",
    "/geo/%2e%2e%2fmanifest.geojson",
    "/geo/..%5c..%5cpyproject.geojson",
    "/assets/../pyproject.toml",
    "/assets/..%2f..%2fpyproject.toml",
    "/assets/%2e%2e/pyproject.toml",
    "/assets/..%5cpyproject.toml",
    "/assets/vendor/../../pyproject.toml",
    "/assets//etc/passwd",
    "/assets/%2fetc%2fpasswd",
    "/static/../pyproject.toml",
    "/static/..%2f..%2fpyproject.toml",
    "/_dash-component-suites/dash/%2fetc%2fpasswd",
    "/region/..%2f..%2fpyproject.toml",
    "/commune/../../etc/passwd",
    "/export/view.csv/../../../pyproject.toml",
    "/export/view.csv?indicator=../../etc/passwd&flavour=../../pyproject.toml",
    "/export/analyse.csv?actor=..%2f..%2fetc%2fpasswd&rows=/etc/passwd",
    "/export/view.csv?dataset=/etc/passwd&release=../../pyproject.toml",
    "/geo/regions.geojson?v=../../etc/passwd",
    "/_dash-layout?path=../../etc/passwd",
]
# Dash's component route raises (an unregistered path) and Flask answers a bare 500
DASH_COMPONENT_TRAVERSALS = [
    "/_dash-component-suites/../../pyproject.toml",
    "/_dash-component-suites/dash/..%2f..%2f..%2f..%2fpyproject.toml",
    "/_dash-component-suites/dash/../../../etc/passwd",
    "/_dash-component-suites/dash/deps/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/_dash-component-suites/dash/..%5c..%5cpyproject.toml",
    "/_dash-component-suites/dash/dash.py",
    "/_dash-component-suites/os/..%2fetc%2fpasswd",
]


@pytest.mark.parametrize("path", TRAVERSALS + DASH_COMPONENT_TRAVERSALS)
def test_a_traversal_never_returns_a_file_outside_the_app(client, path):
    response = client.get(path)
    body = response.get_data()
    assert b"Traceback" not in body
    for contents in KNOWN_FILE_CONTENTS:
        assert contents not in body, (path, response.status_code)
    disposition = response.headers.get("Content-Disposition", "")
    assert ".." not in disposition and "/" not in disposition.partition("filename=")[2]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_a_traversal_is_answered_deliberately(client, path):
    assert_handled(client.get(path))


@pytest.mark.parametrize("path", DASH_COMPONENT_TRAVERSALS)
def test_a_traversal_of_dash_components_is_not_found(client, path):
    assert client.get(path).status_code == 404


# Markup and formulas in parameters


@pytest.mark.parametrize("shift", range(len(ATTACKS)))
def test_a_hostile_parameter_is_never_sent_back_as_markup(client, dash_app, shift):
    """Each attack in turn under each parameter name, all in one query."""
    query = {
        name: ATTACKS[(index + shift) % len(ATTACKS)]
        for index, name in enumerate(ATTACKED_PARAMETERS)
    }
    search = "?" + "&".join(f"{name}={quote(value)}" for name, value in query.items())
    for path in PAGE_PATHS:
        shell = without_own_url(client.get(path, query_string=query).get_data(as_text=True))
        layout = post_page_layout(client, dash_app, path, search)
        assert_handled(layout)
        for attack in ATTACKS:
            assert attack not in shell
            if MARKUP.search(attack):  # JSON writes <, >, & and " escaped
                assert attack not in layout.get_data(as_text=True)
            # the one place it may be: a notice's text, which React renders as text
            for component, prop in props_holding(layout.get_json(), attack):
                assert (component, prop) == ("Alert", "children"), (path, attack)
    for route in CSV_EXPORTS:
        exported = client.get(route, query_string=query)
        assert exported.status_code == 200
        text = exported.get_data(as_text=True)
        assert not any(attack in text for attack in ATTACKS)
        assert "HYPERLINK" not in text and "cmd|" not in text
        notice = exported.headers.get("X-Phare-Notice", "")
        assert notice.isascii() and notice.isprintable()


def test_a_hostile_parameter_is_shown_as_a_notice_with_the_default_used(client, dash_app):
    layout = post_page_layout(client, dash_app, "/", "?actor=%3Cscript%3Ealert(1)%3C/script%3E")
    assert notice_texts(layout) == [
        "Paramètre « actor » : valeur « <script>alert(1)</script> » non reconnue ; "
        "« maires » est utilisé."
    ]


# Malformed callback requests


# Requests Dash itself would answer with a bare 500: refused by dashboard/server/request_guards.py
FORGED_CALLBACKS = {
    "empty body": lambda dash_app: {},
    "list body": lambda dash_app: [],
    "unknown output": lambda dash_app: {**carte_update_body(dash_app), "output": "nope.children"},
}
# Well-formed requests whose stores hold the wrong type (every callback and value:
# tests/callbacks/test_forged_callbacks.py)
FORGED_STORES = {
    "a view store that is not a dict": {"carte-state": "not a dict"},
    "a view store in an unknown language": {
        "carte-state": {**AppState().model_dump(), "lang": "de"}
    },
    "a dict as geometry key": {"geometry-key": {}},
}


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b'{"output": "map.figure"', "application/json", 400),
        (b"\xff\xfe\x00", "application/json", 400),
        (b"output=map.figure", "application/x-www-form-urlencoded", 415),
        (b"{}", "text/plain", 415),
    ],
)
def test_a_callback_request_that_is_not_json_is_refused(client, data, content_type, status):
    response = client.post("/_dash-update-component", data=data, content_type=content_type)
    assert_handled(response)
    assert response.status_code == status


@pytest.mark.parametrize("value", [{"x": [1, 2]}, ["a", "b"], 12, True, "<script>", None])
def test_filter_values_of_the_wrong_type_give_the_default_view(client, dash_app, value):
    every_input = dict.fromkeys(callback_ids(dash_app, "..map.figure..."), value)
    response = client.post("/_dash-update-component", json=carte_update_body(dash_app, every_input))
    assert_handled(response)
    assert response.status_code == 200
    assert response.get_json()["response"]["carte-state"]["data"]["actor"] == "maires"


@pytest.mark.parametrize("case", FORGED_CALLBACKS)
def test_a_forged_callback_request_gets_a_bare_error_and_the_app_lives_on(client, dash_app, case):
    """The error answer names nothing of the code, and the next request is served as usual."""
    response = client.post("/_dash-update-component", json=FORGED_CALLBACKS[case](dash_app))
    assert b"Traceback" not in response.data and b".py" not in response.data
    assert b"Error:" not in response.data and b"KeyError" not in response.data
    assert client.get("/healthz").status_code == 200
    follow_up = client.post("/_dash-update-component", json=carte_update_body(dash_app))
    assert follow_up.status_code == 200


@pytest.mark.parametrize("case", FORGED_CALLBACKS)
def test_a_forged_callback_request_is_refused_before_dash_sees_it(client, dash_app, case):
    response = client.post("/_dash-update-component", json=FORGED_CALLBACKS[case](dash_app))
    assert response.status_code == 400
    assert response.get_data(as_text=True).startswith("invalid callback request: ")


@pytest.mark.parametrize("case", FORGED_STORES)
def test_a_forged_store_falls_back_to_its_default(client, dash_app, case):
    """A store of the wrong type is read as absent (the default view, then the filters'
    change), a field of it that is unusable as its default (French)."""
    body = carte_update_body(dash_app, {"actor": "citoyens"}, stores=FORGED_STORES[case])
    response = client.post("/_dash-update-component", json=body)
    assert_handled(response)
    assert response.status_code == 200
    answer = response.get_json()["response"]
    assert (answer["carte-state"]["data"]["actor"], answer["carte-state"]["data"]["lang"]) == (
        "citoyens",
        "fr",
    )
    assert "data" in answer["map"]["figure"]  # a whole figure: no geometry is known as drawn
