"""The limits of real gunicorn (started from the Procfile) and of the app behind it.

gunicorn refuses a request line over 4094 bytes (414 URI Too Long), more than 100 header fields
or a header field over 8190 bytes (431 Request Header Fields Too Large) before the app sees
anything: its defaults, which gunicorn.conf.py keeps (gunicorn before 24 answered 400). The app
refuses a callback body over ``MAX_CONTENT_LENGTH`` with a 413. After each, the server still
answers, and no answer carries a traceback.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from urllib.parse import urlsplit

import hypothesis
import pytest
import requests
from hypothesis import given

from dashboard.app import MAX_REQUEST_BYTES
from tests.callbacks.dash_requests import page_layout_body
from tests.hostile_inputs import query_strings

pytestmark = pytest.mark.server

REQUEST_LINE_LIMIT = 4094  # gunicorn's limit_request_line
HEADER_FIELDS_LIMIT = 100  # limit_request_fields
HEADER_FIELD_LIMIT = 8190  # limit_request_field_size


def raw_exchange(base_url: str, request: bytes) -> tuple[int, bytes]:
    """(status, whole answer) of ``request`` sent as raw bytes on a fresh connection."""
    address = urlsplit(base_url)
    with socket.create_connection((address.hostname, address.port), timeout=30) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    status_line = answer.split(b"\r\n", 1)[0]
    return int(status_line.split()[1]), answer


def get_request(target: str, headers: Sequence[str] = ()) -> bytes:
    lines = [f"GET {target} HTTP/1.1", "Host: 127.0.0.1", *headers, "Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1")


def assert_still_serving(base_url: str) -> None:
    assert requests.get(f"{base_url}/healthz", timeout=30).status_code == 200


def test_a_request_line_at_the_limit_is_served(live_server):
    path = "/healthz?pad="
    padding = "x" * (REQUEST_LINE_LIMIT - len(f"GET {path} HTTP/1.1"))
    status, _ = raw_exchange(live_server, get_request(path + padding))
    assert status == 200


@pytest.mark.parametrize("extra", [1, 4000])
def test_a_request_line_over_the_limit_is_refused_with_414(live_server, extra):
    path = "/?pad="
    padding = "x" * (REQUEST_LINE_LIMIT - len(f"GET {path} HTTP/1.1") + extra)
    status, answer = raw_exchange(live_server, get_request(path + padding))
    assert status == 414
    assert b"Traceback" not in answer
    assert_still_serving(live_server)


def test_more_header_fields_than_the_limit_are_refused_with_431(live_server):
    many = [f"X-Field-{number}: {number}" for number in range(HEADER_FIELDS_LIMIT + 1)]
    status, answer = raw_exchange(live_server, get_request("/healthz", many))
    assert status == 431
    assert b"Traceback" not in answer
    assert_still_serving(live_server)


def test_a_header_field_over_the_limit_is_refused_with_431(live_server):
    status, answer = raw_exchange(
        live_server, get_request("/healthz", ["X-Long: " + "x" * (HEADER_FIELD_LIMIT + 1)])
    )
    assert status == 431
    assert b"Traceback" not in answer
    assert_still_serving(live_server)


def test_a_callback_body_over_the_limit_is_refused_with_413(live_server):
    body = b'{"output": "' + b"x" * MAX_REQUEST_BYTES + b'"}'
    response = requests.post(
        f"{live_server}/_dash-update-component",
        data=body,
        headers={"Content-Type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 413
    assert "Traceback" not in response.text
    assert_still_serving(live_server)


def test_a_chunked_callback_body_over_the_limit_is_refused(live_server):
    """No length announced: the app reads up to the limit, and the cut JSON is a 400."""

    def chunks():
        yield b'{"output": "'
        for _ in range(MAX_REQUEST_BYTES // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    response = requests.post(
        f"{live_server}/_dash-update-component",
        data=chunks(),
        headers={"Content-Type": "application/json"},
        timeout=60,
    )
    assert response.status_code in (400, 413)
    assert "Traceback" not in response.text
    assert_still_serving(live_server)


@hypothesis.settings(max_examples=20, deadline=None, database=None)
@given(query=query_strings)
def test_a_random_query_string_gets_the_page_or_a_414_from_gunicorn(live_server, dash_app, query):
    """The page shell and the page's layout, as the browser asks for them; a query that makes
    the request line too long is refused by gunicorn."""
    with requests.Session() as session:
        shell = session.prepare_request(requests.Request("GET", f"{live_server}/?{query}"))
        fits = len(f"GET {shell.path_url} HTTP/1.1") <= REQUEST_LINE_LIMIT
        response = session.send(shell, timeout=30)
        assert response.status_code == (200 if fits else 414)
        assert "Traceback" not in response.text
        layout = session.post(
            f"{live_server}/_dash-update-component",
            json=page_layout_body(dash_app, "/", f"?{query}"),
            timeout=30,
        )
        assert layout.status_code == 200
        assert "Traceback" not in layout.text
