"""Two app instances (real gunicorn, as the Procfile starts it) share one real Redis: a slide
drawn by one is served by the other, and an import invalidates it for both."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
import requests

from dashboard import __version__
from dashboard.exports.cache import CACHE_HEADER, KEY_PREFIX
from phare.catalogue import load_catalogue
from phare.releases import import_release
from tests.conftest import IN_CI, procfile_gunicorn
from tests.local_server import free_port
from tests.phare.fixtures.microdata import text_frame, write_csv

pytestmark = pytest.mark.server
# a view the imported microdata give values for (a view without any is refused, not exported)
SLIDE = (
    "/export/view.svg?dataset=import&actor=citoyens&indicator=fragility_mean_score"
    "&fragility=emploi&width=640&height=360"
)
HOST = {"Host": "phare.example"}  # what a load balancer passes to every instance alike


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """Debian's redis-server on a free loopback port, in memory only, bounded."""
    binary = shutil.which("redis-server")
    if binary is None:
        message = "Debian's redis-server is not installed (make test installs it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    port = free_port()
    arguments = ["--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"]
    bounds = ["--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"]
    server = subprocess.Popen([binary, *arguments, *bounds], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = redis.Redis.from_url(url)
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    """A data folder whose current release is r1 (8 respondents)."""
    folder = tmp_path_factory.mktemp("shared-data")
    catalogue = load_catalogue()
    source = write_csv(text_frame(catalogue, 8), folder / "r1.csv")
    import_release(source, "r1", folder / "data", catalogue)
    return folder / "data"


@pytest.fixture(scope="module")
def instances(settings, redis_url, data_dir, tmp_path_factory) -> Iterator[list[str]]:
    """Two gunicorn instances of one worker each, sharing the Redis and the data folder."""
    logs = tmp_path_factory.mktemp("instances")
    shared = {
        "PHARE_DATA_DIR": str(data_dir),
        "PHARE_REDIS_URL": redis_url,
        "PHARE_ENABLE_SIMULATED": "0",
        "WEB_CONCURRENCY": "1",
        # 8 respondents: every cell shown (a view with no value at all is refused, not drawn)
        "PHARE_MIN_BASE": "1",
        "PHARE_CAUTION_BASE": "1",
    }
    with (
        procfile_gunicorn(settings, logs / "first.log", **shared) as (first, _),
        procfile_gunicorn(settings, logs / "second.log", **shared) as (second, _),
    ):
        yield [first, second]


def slide(url: str) -> requests.Response:
    response = requests.get(url + SLIDE, headers=HOST, timeout=120)
    assert response.status_code == 200, response.text[:500]
    return response


def test_two_instances_serve_one_cached_slide_and_an_import_invalidates_it(
    instances, redis_url, data_dir
):
    first, second = instances
    drawn = slide(first)
    assert drawn.headers[CACHE_HEADER] == "miss"
    shared = slide(second)
    assert shared.headers[CACHE_HEADER] == "hit"
    assert shared.content == drawn.content
    keys = redis.Redis.from_url(redis_url).keys(f"{KEY_PREFIX}view.svg:{__version__}:r1:*")
    assert len(keys) == 1

    catalogue = load_catalogue()
    source = write_csv(text_frame(catalogue, 12), data_dir.parent / "r2.csv")
    import_release(source, "r2", data_dir, catalogue)

    redrawn = slide(second)
    assert redrawn.headers[CACHE_HEADER] == "miss"
    assert redrawn.content != drawn.content and b"r2" in redrawn.content
    again = slide(first)
    assert again.headers[CACHE_HEADER] == "hit" and again.content == redrawn.content
    for url in instances:
        ready = requests.get(url + "/readyz", timeout=30).json()
        assert ready["datasets"]["import"] == {"id": "r2", "rows": 12}
