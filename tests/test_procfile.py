"""The Procfile's command, run for real: gunicorn on a loopback port serves the app."""

from pathlib import Path

import pytest
import requests

from benchmarks.processes import children
from tests.callbacks.dash_requests import carte_update_body
from tests.local_server import procfile_command

pytestmark = pytest.mark.server


def test_the_procfile_runs_gunicorn_on_the_wsgi_server_object():
    command = procfile_command(8050)
    assert command[0].endswith("gunicorn")
    assert "dashboard.app:server" in command
    assert "127.0.0.1:8050" in command


def test_gunicorn_serves_the_page_and_health(live_server):
    page = requests.get(f"{live_server}/", timeout=30)
    assert page.status_code == 200
    assert "PHARE" in page.text
    health = requests.get(f"{live_server}/healthz", timeout=30)
    assert health.status_code == 200
    assert health.json()["status"] == "ok"


def test_gunicorn_serves_readiness_and_geometry(live_server):
    ready = requests.get(f"{live_server}/readyz", timeout=30).json()
    assert ready["status"] == "ready"
    geometry = requests.get(f"{live_server}/geo/regions.geojson", timeout=30)
    assert geometry.status_code == 200
    assert geometry.headers["Content-Encoding"] == "gzip"
    assert len(geometry.json()["features"]) == 18  # 13 surveyed regions and 5 overseas insets


def command_line(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def descendants(pid: int) -> list[int]:
    return [child for direct in children(pid) for child in (direct, *descendants(direct))]


def test_the_preloaded_master_forks_workers_only_and_chromium_starts_in_a_worker(live_gunicorn):
    url, master = live_gunicorn
    image = requests.get(f"{url}/export/view.png?width=640&height=360&actor=maires", timeout=120)
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    workers = children(master.pid)
    assert workers and all("gunicorn" in command_line(pid) for pid in workers)
    browsers = [
        pid for worker in workers for pid in descendants(worker) if "chromium" in command_line(pid)
    ]
    assert browsers  # the worker that drew the image started its own Chromium


def test_json_and_callback_responses_travel_compressed(live_server, dash_app):
    gzip = {"Accept-Encoding": "gzip"}
    callback = requests.post(
        f"{live_server}/_dash-update-component",
        json=carte_update_body(dash_app, {"actor": "entreprises"}),
        headers=gzip,
        timeout=30,
    )
    assert callback.status_code == 200
    assert callback.headers["Content-Encoding"] == "gzip"
    assert "figure" in callback.json()["response"]["map"]
    dependencies = requests.get(f"{live_server}/_dash-dependencies", headers=gzip, timeout=30)
    assert dependencies.headers["Content-Encoding"] == "gzip"
