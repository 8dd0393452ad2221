"""Image export: ``GET /export/view.png`` (1920 × 1080) through Flask's test client, rendered by
kaleido in Debian's Chromium, for the regions map and one region's communes.

"cold" is the first request: for the regions map the browser starts then (the renderer is
stopped first), for the communes it is the first read of that level's geometry in the
process, with the browser already warm. "uncached" is the median of the next requests with the
response cache emptied before each (the naive alternative: every request drawn by Chromium),
"cached" the median of the same request served from the cache.
"""

from __future__ import annotations

from flask.testing import FlaskClient
from flask_caching import Cache

from benchmarks import Figure, benchmark, error_row, median, ms, runs_note, timed
from benchmarks.environment import Environment
from dashboard.exports.cache import CACHE_EXTENSION
from dashboard.exports.renderer import RENDERER

WARM_RUNS = 7
VIEWS = (
    ("regions", "/export/view.png"),
    ("communes of Normandie", "/export/view.png?level=commune&territory=28"),
)


class ExportFailed(Exception):
    pass


def get_image(client: FlaskClient, url: str) -> int:
    """GET one image; its size in bytes."""
    response = client.get(url)
    if response.status_code != 200:
        raise ExportFailed(f"{url}: {response.status_code} {response.get_data(as_text=True)}")
    return len(response.data)


def measure(
    client: FlaskClient, url: str, cache: Cache
) -> tuple[float, list[float], list[float], int]:
    """(first request's seconds, uncached and cached requests' seconds, the image's bytes)."""
    sizes: list[int] = []
    cache.clear()
    cold = timed(lambda: sizes.append(get_image(client, url)), runs=1)
    uncached = []
    for _ in range(WARM_RUNS):
        cache.clear()
        uncached += timed(lambda: sizes.append(get_image(client, url)), runs=1)
    cached = timed(lambda: sizes.append(get_image(client, url)), runs=WARM_RUNS)
    return cold[0], uncached, cached, sizes[-1]


@benchmark
def png_export_time(env: Environment) -> list[Figure]:
    client = env.client
    cache = env.app.server.extensions[CACHE_EXTENSION]
    RENDERER.stop()  # the first request starts the browser, as in a fresh worker
    rows: list[Figure] = []
    for name, url in VIEWS:
        try:
            cold, uncached, cached, size = measure(client, url, cache)
        except ExportFailed as problem:
            return [*rows, error_row(f"PNG export, {name}", str(problem))]
        first = "browser start included" if not rows else "geometry read included"
        rows += [
            Figure(f"PNG export, {name}, cold", ms(cold), "ms", f"first request; {first}"),
            Figure(
                f"PNG export, {name}, uncached p50 (naive)",
                ms(median(uncached)),
                "ms",
                runs_note(uncached, extra="cache emptied before each; 1920 × 1080, test client"),
            ),
            Figure(
                f"PNG export, {name}, cached p50",
                ms(median(cached)),
                "ms",
                runs_note(cached, extra="served from the response cache (folder backend)"),
            ),
            Figure(f"PNG export, {name}, size", size, "bytes", "response body"),
        ]
    return rows
