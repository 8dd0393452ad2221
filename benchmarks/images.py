"""Image export: ``GET /export/view.png`` (1920 × 1080) through Flask's test client, rendered by
kaleido in Debian's Chromium, for the regions map and one region's communes.

"cold" is the first request: for the regions map the browser starts then (the renderer is
stopped first), for the communes it is the first read of that level's geometry in the
process, with the browser already warm. "warm" is the median of the next requests.
"""

from __future__ import annotations

from flask.testing import FlaskClient

from benchmarks import Figure, benchmark, error_row, median, ms, runs_note, timed
from benchmarks.environment import Environment
from dashboard.kaleido_renderer import RENDERER

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


def measure(client: FlaskClient, url: str) -> tuple[float, list[float], int]:
    """(first request's seconds, the next ones' seconds, the image's bytes)."""
    sizes: list[int] = []
    cold = timed(lambda: sizes.append(get_image(client, url)), runs=1)
    warm = timed(lambda: sizes.append(get_image(client, url)), runs=WARM_RUNS)
    return cold[0], warm, sizes[-1]


@benchmark
def png_export_time(env: Environment) -> list[Figure]:
    client = env.client
    RENDERER.stop()  # the first request starts the browser, as in a fresh worker
    rows: list[Figure] = []
    for name, url in VIEWS:
        try:
            cold, warm, size = measure(client, url)
        except ExportFailed as problem:
            return [*rows, error_row(f"PNG export, {name}", str(problem))]
        first = "browser start included" if not rows else "geometry read included"
        rows += [
            Figure(f"PNG export, {name}, cold", ms(cold), "ms", f"first request; {first}"),
            Figure(
                f"PNG export, {name}, warm p50",
                ms(median(warm)),
                "ms",
                runs_note(warm, extra="1920 × 1080, test client"),
            ),
            Figure(f"PNG export, {name}, size", size, "bytes", "response body"),
        ]
    return rows
