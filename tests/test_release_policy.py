"""The written policy for a corrupt release at start, run for real: gunicorn (as the Procfile
starts it) serves the last good data, reports degraded, and does not respawn workers in a loop;
a rollback with the command line brings it back to ready without a restart."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
import requests

from benchmarks.processes import children, wait_for_workers
from phare.catalogue import load_catalogue
from phare.releases import import_release, release_dir
from phare.settings import PROJECT_ROOT
from tests.conftest import procfile_gunicorn
from tests.phare.fixtures.microdata import text_frame, write_csv

pytestmark = pytest.mark.server


@pytest.fixture()
def corrupt_current(tmp_path):
    """A data folder holding a good release r1 and a current release r2 that fails its checksum."""
    catalogue, data_dir = load_catalogue(), tmp_path / "data"
    for release, rows in (("r1", 8), ("r2", 12)):
        source = write_csv(text_frame(catalogue, rows), tmp_path / f"{release}.csv")
        import_release(source, release, data_dir, catalogue)
    (release_dir(data_dir, "r2") / "microdata.parquet").write_bytes(b"truncated")
    return data_dir


def test_a_corrupt_release_at_start_is_served_degraded_without_a_respawn_loop(
    settings, corrupt_current
):
    env = {
        "PHARE_DATA_DIR": str(corrupt_current),
        "PHARE_ENABLE_SIMULATED": "0",
        "WEB_CONCURRENCY": "2",
    }
    with procfile_gunicorn(settings, corrupt_current.parent / "errors.log", **env) as live:
        url, server = live
        workers = wait_for_workers(server.pid)
        ready = requests.get(f"{url}/readyz", timeout=30)
        assert ready.status_code == 503
        body = ready.json()
        assert body["status"] == "degraded"
        assert "r2" in body["reasons"][0] and "SHA-256" in body["reasons"][0]
        assert list(body["datasets"]) == ["publie"]  # the published figures, whole
        assert requests.get(f"{url}/", timeout=30).status_code == 200
        export = requests.get(f"{url}/export/view.csv?dataset=import", timeout=30)
        assert export.status_code == 200 and body["datasets"]["publie"]["id"] in export.text
        time.sleep(3)
        assert len(workers) == 2
        assert children(server.pid) == workers  # no worker died and was respawned

        rollback = [sys.executable, "-m", "phare", "releases", "--set-current", "r1"]
        subprocess.run(
            rollback, cwd=PROJECT_ROOT, env={**os.environ, **env}, check=True, capture_output=True
        )
        for _ in range(4):  # whichever worker answers checks the pointer first
            ready = requests.get(f"{url}/readyz", timeout=30)
            assert ready.status_code == 200
            assert ready.json()["datasets"]["import"] == {"id": "r1", "rows": 8}
