"""A visitor's commune file stays inside the request that reads it.

The file goes through the real callbacks, as the browser sends it (base64 inside the callback's
JSON), carrying a marker found nowhere else. Afterwards the marker is in no file of the cache
or data folders, no temporary file, no log record and nothing printed, and no file was opened
for writing while the requests ran; another visitor's views never show it. A file over the
size limit gets a clear message, and a request over the request limit a 413.
"""

from __future__ import annotations

import base64
import io
import logging
import os
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dashboard.app import MAX_REQUEST_BYTES
from dashboard.core.state import AppState
from dashboard.text.numbers import format_count
from dashboard.upload.decoding import MAX_UPLOAD_BYTES
from tests.callbacks.dash_requests import carte_update_body, post_callback

MARKER = f"secret-{uuid.uuid4().hex[:16]}"  # short enough to be shown whole (40 chars)
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_written_paths: list[str] | None = None  # recording when a list (see audit_writes)


def _record_writes(event: str, arguments: tuple) -> None:
    """Audit hook (Python's ``sys.addaudithook``): every file opened for writing."""
    if _written_paths is None or event != "open":
        return
    path, mode, flags = arguments
    writing = any(letter in mode for letter in "wax+") if isinstance(mode, str) else False
    if writing or (flags or 0) & WRITE_FLAGS:
        _written_paths.append(os.fsdecode(path) if isinstance(path, str | bytes) else str(path))


_hook_installed = False


@contextmanager
def audit_writes() -> Iterator[list[str]]:
    """The paths opened for writing inside the block (compiled bytecode aside)."""
    global _written_paths, _hook_installed
    if not _hook_installed:
        sys.addaudithook(_record_writes)  # for the process's life: inert unless recording
        _hook_installed = True
    _written_paths = []
    found = _written_paths
    try:
        yield found
    finally:
        _written_paths = None
        found[:] = [path for path in found if "__pycache__" not in path]


def upload_contents(data: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(data).decode()


def post_upload(client, dash_app, data: bytes, filename: str, state: AppState | None = None):
    """The upload callback as the browser posts it (the Input "upload" is the contents, the
    State "upload" the file name)."""
    stored = (state or AppState()).model_dump(mode="json")
    return post_callback(
        client,
        dash_app,
        "commune-upload.data",
        {"upload": upload_contents(data)},
        {"upload": filename, "carte-state": stored},
    )


def post_map_with_upload(client, dash_app, stored_upload: object):
    """The Carte redraw the browser asks for once the file is read: communes, its values."""
    state = AppState(level="commune", territory="28", show="upload").model_dump(mode="json")
    body = carte_update_body(
        dash_app,
        {**state, "commune-upload": stored_upload},
        {"carte-state": state},
        changed="commune-upload",
    )
    return client.post("/_dash-update-component", json=body)


def file_versions(folder: Path) -> dict[Path, tuple[int, int]]:
    """(modification time, size) of every file under ``folder``."""
    if not folder.exists():
        return {}
    return {
        path: (path.stat().st_mtime_ns, path.stat().st_size)
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    }


def changed_files(before: dict[Path, tuple[int, int]], folder: Path) -> list[Path]:
    return [path for path, version in file_versions(folder).items() if before.get(path) != version]


def holds_marker(path: Path) -> bool:
    data = path.read_bytes()
    return MARKER.encode() in data or base64.b64encode(MARKER.encode())[:24] in data


@pytest.fixture()
def private_temp_dir(tmp_path, monkeypatch) -> Path:
    """An empty folder as the process's temporary folder for the test."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def test_an_uploaded_file_leaves_no_trace_on_the_server(
    client, dash_app, settings, private_temp_dir, caplog, capsys
):
    caplog.set_level(logging.DEBUG)
    good = f"code;{MARKER}\n14118;12,5\n{MARKER};1\n14712;{MARKER}\n14114;40\n".encode()
    binary = MARKER.encode() + b"\x00\x01\x02"
    folders = [settings.cache_dir, settings.data_dir]
    before = {folder: file_versions(folder) for folder in folders}

    with audit_writes() as written:
        read = post_upload(client, dash_app, good, f"{MARKER}.csv")
        refused = post_upload(client, dash_app, binary, f"{MARKER}.csv")
        stored = read.get_json()["response"]["commune-upload"]["data"]
        drawn = post_map_with_upload(client, dash_app, stored)

    assert read.status_code == refused.status_code == drawn.status_code == 200
    # the visitor gets their own data back: codes, values and the report of their file
    assert dict(zip(stored["codes"], stored["values"], strict=True)) == {
        "14118": 12.5,
        "14712": 40.0,  # 14114, a former code of Caen
    }
    assert MARKER in stored["label"] and MARKER in str(stored["problems"])
    assert MARKER in str(refused.get_json()["response"]["upload-report"]["children"])
    # …and the server keeps none of it
    assert written == []
    assert list(private_temp_dir.iterdir()) == []
    for folder in folders:
        assert [path for path in changed_files(before[folder], folder) if holds_marker(path)] == []
    assert MARKER not in caplog.text
    printed = capsys.readouterr()
    assert MARKER not in printed.out and MARKER not in printed.err


def test_the_write_audit_sees_every_way_of_writing_a_file(tmp_path):
    """The check above is not vacuous: a file written in any of these ways is seen."""
    with audit_writes() as written:
        (tmp_path / "a.csv").write_text("x")
        with tempfile.NamedTemporaryFile(dir=tmp_path):
            pass
        os.close(os.open(tmp_path / "b.csv", os.O_CREAT | os.O_WRONLY))
        (tmp_path / "a.csv").read_text()  # reading is not writing
    names = [Path(path).name for path in written]
    assert names[0] == "a.csv" and names[-1] == "b.csv"
    assert names.count("a.csv") == 1  # not its reading
    assert any(name.startswith("tmp") for name in names)


def test_another_visitor_never_sees_an_upload(client, dash_app):
    uploaded = post_upload(client, dash_app, f"code;{MARKER}\n14118;12,5\n".encode(), "a.csv")
    assert uploaded.status_code == 200
    other_visitor = dash_app.server.test_client()
    views = [
        post_map_with_upload(other_visitor, dash_app, None),
        other_visitor.get("/export/view.csv?level=commune&territory=28&show=upload"),
        other_visitor.get("/_dash-layout"),
    ]
    for response in views:
        assert response.status_code == 200
        assert MARKER not in response.get_data(as_text=True)


def test_a_file_over_the_size_limit_gets_a_clear_message(client, dash_app):
    too_large = b"14118;1\n" * (MAX_UPLOAD_BYTES // 8 + 1)
    assert len(upload_contents(too_large)) < MAX_REQUEST_BYTES  # it reaches the callback
    response = post_upload(client, dash_app, too_large, "gros.csv")
    assert response.status_code == 200
    outputs = response.get_json()["response"]
    assert "commune-upload" not in outputs  # the store keeps what the visitor had
    size = format_count(len(base64.b64encode(too_large)) * 3 // 4)  # judged on the base64
    (alert,) = outputs["upload-report"]["children"]
    assert alert["props"]["children"] == (
        f"gros.csv : environ {size} octets, au-delà de la limite de "
        f"{format_count(MAX_UPLOAD_BYTES)} octets"
    )


def test_a_request_over_the_limit_is_refused_with_413(client, dash_app):
    body = carte_update_body(dash_app, {"actor": "x" * MAX_REQUEST_BYTES})
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 413
    assert b"Traceback" not in response.data


def test_a_chunked_request_without_length_is_cut_at_the_limit(client):
    """A chunked body announces no length. Werkzeug reads at most the limit of it (when the
    server says it ends the stream, as gunicorn does) and stops there: the cut JSON is refused
    with a 400 (a 413 would do as well). Either way the rest is never read."""
    stream = io.BytesIO(b'{"output": "' + b"x" * (MAX_REQUEST_BYTES + 1024) + b'"}')
    response = client.post(
        "/_dash-update-component",
        input_stream=stream,
        content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code in (400, 413)
    assert b"Traceback" not in response.data
    assert stream.tell() <= MAX_REQUEST_BYTES + 64 * 1024  # one read past the limit at most
