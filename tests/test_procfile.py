"""The Procfile's command, run for real: gunicorn on a loopback port serves the app."""

import pytest
import requests

from dashboard.local_server import procfile_command

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
